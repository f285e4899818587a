import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * For deploy/bench/budget-import.sh when psql is not installed: COPY a CSV file into a new
 * temporary table over JDBC and print the seconds it took. Args: CSV file, CREATE TABLE statement.
 */
public class BudgetCopy {
    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432") + "/"
                + env("PGDATABASE", "budget");
        try (Connection c = DriverManager.getConnection(url, env("PGUSER", "postgres"), env("PGPASSWORD", ""));
             Statement s = c.createStatement(); Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            s.execute(args[1]);
            long start = System.nanoTime();
            new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class))
                    .copyIn("copy bench_copy from stdin with (format csv)", in);
            System.out.println((System.nanoTime() - start) / 1e9);
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
