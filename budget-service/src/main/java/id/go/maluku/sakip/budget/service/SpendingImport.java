package id.go.maluku.sakip.budget.service;

import id.go.maluku.sakip.budget.domain.BudgetLine;
import id.go.maluku.sakip.budget.domain.SpendingLedger;
import id.go.maluku.sakip.platform.error.ApiProblem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Spending rows of a file import, a chunk at a time in the caller's transaction, without an
 * entity or a statement per row: the chunk's lines are locked and loaded once, the stored
 * entries of its source keys read in one query, every row decided in memory by
 * {@link SpendingLedger} (the same rules as a single entry), then the new entries written with
 * PostgreSQL's COPY, the corrected ones with one UPDATE, and each changed line's realisasi and
 * events once. Row-by-row ORM writes made a 100,000-row file take half a minute.
 */
@ApplicationScoped
public class SpendingImport {

    /** A file row read from the export: either a spending row, or what made it unreadable. */
    public record Parsed(SpendingLedger.Row row, List<FieldError> errors) {
    }

    /**
     * The spending of the lines an import changed (dated per quarter, and undated), carried from
     * one chunk to the next so that a chunk's events need not sum all of a line's entries again
     * (which made an import's cost grow with the square of its size). Valid while the line's
     * revision is the one the import left: any other change of the line (a year total set, an
     * entry recorded) moves its revision, and its entries are summed again. The import itself
     * writes dated entries only (a {@code total:} key is refused), so the undated part it carries
     * is the line's {@code total:} entry as the first sum found it.
     */
    public static final class Tallies {
        private record Tally(long revision, LineEvents.Spending spending) {
        }

        private final Map<UUID, Tally> byLine = new HashMap<>();

        LineEvents.Spending spending(BudgetLine line) {
            Tally tally = byLine.get(line.id);
            return tally != null && tally.revision == line.revision ? tally.spending : null;
        }

        void remember(BudgetLine line, LineEvents.Spending spending) {
            byLine.put(line.id, new Tally(line.revision, spending));
        }
    }

    @Inject
    EntityManager em;

    @Inject
    LineEvents events;

    /** Applies the chunk's rows in order and returns each row's result, in the same order. */
    public List<LineWriter.Result> apply(String agency, int year, List<Parsed> chunk, Tallies tallies) {
        Set<String> codes = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Parsed p : chunk) {
            if (p.row() != null) {
                if (p.row().lineCode() != null) {
                    codes.add(p.row().lineCode());
                }
                if (p.row().sourceKey() != null) {
                    keys.add(p.row().sourceKey());
                }
            }
        }
        Map<UUID, BudgetLine> lines = new HashMap<>();
        // Locked so that the pagu check sees the realisasi every other writer leaves (in id order: no deadlock
        // between two imports).
        if (!codes.isEmpty()) {
            em.createQuery("from BudgetLine where agencyCode = :agency and fiscalYear = :year and code in :codes "
                            + "order by id", BudgetLine.class)
                    .setParameter("agency", agency).setParameter("year", year).setParameter("codes", codes)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().forEach(l -> lines.put(l.id, l));
        }
        Map<String, SpendingLedger.Entry> stored = keys.isEmpty() ? Map.of() : storedEntries(agency, year, keys);
        // an entry moved to another line is given back by its old line, which the rows may not name
        Set<UUID> others = new LinkedHashSet<>();
        stored.values().forEach(e -> {
            if (!lines.containsKey(e.lineId())) {
                others.add(e.lineId());
            }
        });
        if (!others.isEmpty()) {
            em.createQuery("from BudgetLine where id in :ids order by id", BudgetLine.class).setParameter("ids", others)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().forEach(l -> lines.put(l.id, l));
        }

        List<SpendingLedger.Line> states = new ArrayList<>(lines.size());
        lines.values().forEach(l -> states.add(new SpendingLedger.Line(l.id, l.code, l.pagu, l.realisasi)));
        SpendingLedger ledger = new SpendingLedger(agency, year, states, stored, SpendingImport::timeOrderedId);
        List<LineWriter.Result> results = new ArrayList<>(chunk.size());
        for (Parsed p : chunk) {
            if (p.row() == null) {
                results.add(LineWriter.Result.rejected(p.errors()));
                continue;
            }
            SpendingLedger.Result r = ledger.apply(p.row());
            results.add(new LineWriter.Result(LineWriter.Outcome.valueOf(r.outcome().name()), null, r.errors()));
        }

        write(agency, year, ledger);
        Map<UUID, BigDecimal[]> moved = ledger.quarterChanges();
        Map<UUID, LineEvents.Spending> known = new HashMap<>();
        List<BudgetLine> changed = new ArrayList<>();
        for (SpendingLedger.Line state : ledger.lines()) {
            if (state.changed()) {
                BudgetLine line = lines.get(state.id());
                LineEvents.Spending before = tallies.spending(line);
                if (before != null) {
                    known.put(line.id, before.plusDated(moved.get(line.id)));
                }
                line.realisasi = state.realisasi();
                changed.add(line);
            }
        }
        changed.sort(java.util.Comparator.comparing(l -> l.code));
        Map<UUID, LineEvents.Spending> spending = events.changed(changed, known);
        changed.forEach(line -> tallies.remember(line, spending.get(line.id)));
        return results;
    }

    /**
     * A UUID of version 7 (RFC 9562): the time in milliseconds first, then random bits. New
     * entries' ids then land at the end of the primary key's index rather than all over it, which
     * made COPY into budget_spending about a sixth faster than with random ids.
     */
    static UUID timeOrderedId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private Map<String, SpendingLedger.Entry> storedEntries(String agency, int year, Collection<String> keys) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, SpendingLedger.Entry> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("select source_key, id, line_id, spent_on, "
                    + "amount, reference from budget_spending where agency_code = ? and fiscal_year = ? "
                    + "and source_key = any (?)")) {
                select.setString(1, agency);
                select.setInt(2, year);
                Array array = connection.createArrayOf("text", keys.toArray());
                select.setArray(3, array);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new SpendingLedger.Entry(rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class), rs.getObject(4, java.time.LocalDate.class),
                                rs.getBigDecimal(5), rs.getString(6)));
                    }
                }
                array.free();
            }
            return found;
        });
    }

    private void write(String agency, int year, SpendingLedger ledger) {
        List<Map.Entry<String, SpendingLedger.Entry>> created = ledger.created();
        List<SpendingLedger.Entry> updated = ledger.updated();
        if (created.isEmpty() && updated.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            if (!created.isEmpty()) {
                copy(connection, agency, year, created);
            }
            if (!updated.isEmpty()) {
                update(connection, updated);
            }
        });
    }

    /** New entries through COPY (text format), streamed in pieces so that memory stays flat. */
    private static void copy(Connection connection, String agency, int year,
                             List<Map.Entry<String, SpendingLedger.Entry>> created) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy budget_spending (id, line_id, "
                + "agency_code, fiscal_year, source_key, spent_on, amount, reference) from stdin");
        try {
            CopyText out = new CopyText(1 << 16);
            String prefix = CopyText.escape(agency) + '\t' + year + '\t';
            for (Map.Entry<String, SpendingLedger.Entry> e : created) {
                SpendingLedger.Entry entry = e.getValue();
                out.raw(entry.id().toString()).tab().raw(entry.lineId().toString()).tab().raw(prefix)
                        .text(e.getKey()).tab().raw(entry.spentOn().toString()).tab()
                        .raw(entry.amount().toPlainString()).tab().text(entry.reference()).end();
                if (out.size() >= 1 << 16) {
                    out.sendTo(copy);
                }
            }
            out.sendTo(copy);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Corrected entries, all in one statement. */
    private static void update(Connection connection, List<SpendingLedger.Entry> updated) throws SQLException {
        int n = updated.size();
        String[] ids = new String[n], lines = new String[n], dates = new String[n], amounts = new String[n],
                references = new String[n];
        for (int i = 0; i < n; i++) {
            SpendingLedger.Entry e = updated.get(i);
            ids[i] = e.id().toString();
            lines[i] = e.lineId().toString();
            dates[i] = e.spentOn().toString();
            amounts[i] = e.amount().toPlainString();
            references[i] = e.reference();
        }
        try (PreparedStatement update = connection.prepareStatement("update budget_spending s set line_id = u.line_id, "
                + "spent_on = u.spent_on, amount = u.amount, reference = u.reference from unnest(?::uuid[], ?::uuid[], "
                + "?::date[], ?::numeric[], ?::text[]) as u(id, line_id, spent_on, amount, reference) where s.id = u.id")) {
            Object[][] columns = {ids, lines, dates, amounts, references};
            for (int c = 0; c < columns.length; c++) {
                update.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            int rows = update.executeUpdate();
            if (rows != n) {
                throw new IllegalStateException("expected to correct " + n + " spending entries, corrected " + rows);
            }
        }
    }

    /** Rows in COPY's text format: tab between columns, newline after a row, \N for null, backslash escapes. */
    static final class CopyText extends ByteArrayOutputStream {
        private final StringBuilder line = new StringBuilder(256);

        CopyText(int size) {
            super(size + 1024);
        }

        CopyText raw(String s) {
            line.append(s);
            return this;
        }

        CopyText text(String s) {
            if (s == null) {
                line.append("\\N");
            } else {
                line.append(escape(s));
            }
            return this;
        }

        CopyText tab() {
            line.append('\t');
            return this;
        }

        void end() {
            line.append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            write(bytes, 0, bytes.length);
            line.setLength(0);
        }

        void sendTo(CopyIn copy) throws SQLException {
            if (count > 0) {
                copy.writeToCopy(buf, 0, count);
                reset();
            }
        }

        static String escape(String s) {
            boolean plain = true;
            for (int i = 0; i < s.length() && plain; i++) {
                char c = s.charAt(i);
                plain = c != '\\' && c != '\t' && c != '\n' && c != '\r';
            }
            if (plain) {
                return s;
            }
            StringBuilder out = new StringBuilder(s.length() + 8);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }
}
