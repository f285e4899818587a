import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * For deploy/bench/budget-import.sh when psql is not installed: COPY a CSV file into a new
 * table over JDBC and print the seconds the COPY took. Args: CSV file, CREATE TABLE statement,
 * DROP TABLE statement (run before the create and after the copy, outside the timing).
 */
public class BudgetCopy {
    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432") + "/"
                + env("PGDATABASE", "budget");
        try (Connection c = DriverManager.getConnection(url, env("PGUSER", "postgres"), env("PGPASSWORD", ""));
             Statement s = c.createStatement(); Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            s.execute(args[2]);
            s.execute(args[1]);
            long start = System.nanoTime();
            new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class))
                    .copyIn("copy bench_copy from stdin with (format csv)", in);
            double seconds = (System.nanoTime() - start) / 1e9;
            s.execute(args[2]);
            System.out.println(seconds);
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
