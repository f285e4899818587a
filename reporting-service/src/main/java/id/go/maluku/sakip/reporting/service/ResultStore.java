package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmIndicatorDefinition;
import id.go.maluku.sakip.reporting.readmodel.RmPolicy;
import id.go.maluku.sakip.reporting.readmodel.RmRealisasi;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import id.go.maluku.sakip.reporting.readmodel.RmTarget;
import id.go.maluku.sakip.reporting.readmodel.SasaranResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads every fact the recalculation of a set of indicator-years needs in one round trip to
 * PostgreSQL, and writes the results in another: each is one prepared statement of several SQL
 * statements, which the JDBC driver sends with a single Sync. Why: through Hibernate a consumed
 * batch of realisasi took about a dozen round trips to recalculate plus one per changed result,
 * and with every part of the stack on two cores each round trip waits for CPU twice (PostgreSQL's
 * backend, then the consumer's thread): that wait, not the statements, was most of the time an
 * update took to reach /performance (BENCHMARKS.md, freshness).
 *
 * <p>The rows are plain objects of the entity classes, not managed by Hibernate. The session is
 * flushed and cleared before the read, so that it neither hides a change made through it earlier
 * in the transaction nor holds a result that this class then changes underneath it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ResultStore {

    /**
     * In this order, each statement starting after the one before: the sasaran of the indicators
     * are locked (in id order, so two recalculations never wait for each other the other way
     * round) before their members' results are read, so that a concurrent recalculation of one
     * sasaran waits and then sees this one's results. ?1 is the indicator ids, ?2 the years; every
     * statement takes its own copies.
     */
    static final String READ = ""
            + "select sasaran_id, agency_code from rm_sasaran where sasaran_id in "
            + "(select sasaran_id from rm_indicator where indicator_id = any(?)) order by sasaran_id for no key update;\n"
            + "select " + ReadModelRows.INDICATOR + " from rm_indicator where indicator_id = any(?);\n"
            + "select " + ReadModelRows.DEFINITION + " from rm_indicator_definition where indicator_id = any(?);\n"
            + "select " + ReadModelRows.TARGET + " from rm_target "
            + "where indicator_id = any(?) and year = any(?);\n"
            + "select indicator_id, year, period, value, updates_applied, event_time from rm_realisasi "
            + "where indicator_id = any(?) and year = any(?);\n"
            + "select " + ReadModelRows.POLICY + " from rm_policy p where agency_code in (select agency_code from rm_indicator where indicator_id = any(?)) "
            + "and version = (select max(version) from rm_policy q where q.agency_code = p.agency_code);\n"
            + "select " + ReadModelRows.INDICATOR_RESULT + " from indicator_result where year = any(?) and (indicator_id = any(?) "
            + "or sasaran_id in (select sasaran_id from rm_indicator where indicator_id = any(?)));\n"
            + "select " + ReadModelRows.SASARAN_RESULT + " from sasaran_result where year = any(?) and sasaran_id in "
            + "(select sasaran_id from rm_indicator where indicator_id = any(?))";

    static final String WRITE = ""
            + "insert into indicator_result (" + ReadModelRows.INDICATOR_RESULT_WRITTEN + ") "
            + "select * from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (indicator_id, year) do update set " + ReadModelRows.updates(ReadModelRows.INDICATOR_RESULT_WRITTEN)
            + ";\n"
            + "insert into sasaran_result (" + ReadModelRows.SASARAN_RESULT_WRITTEN + ") "
            + "select * from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (sasaran_id, year) do update set " + ReadModelRows.updates(ReadModelRows.SASARAN_RESULT_WRITTEN)
            + ";\n"
            + "delete from sasaran_result s using unnest(?, ?) as gone(sasaran_id, year) "
            + "where s.sasaran_id = gone.sasaran_id and s.year = gone.year";

    /** An indicator-year or a sasaran-year. */
    public record Key(UUID id, int year) {
    }

    /**
     * What {@link #read} found. members: the stored results of every indicator of the sasaran read
     * (and of the indicators asked for), for the years asked for.
     */
    public record Facts(Map<UUID, RmSasaran> sasaran, Map<UUID, RmIndicator> indicators,
                        Map<UUID, RmIndicatorDefinition> definitions, Map<Key, RmTarget> targets,
                        Map<Key, List<RmRealisasi>> periods, Map<String, RmPolicy> policies,
                        List<IndicatorResult> members, Map<Key, SasaranResult> sasaranResults) {

        public IndicatorResult result(UUID indicatorId, int year) {
            for (IndicatorResult r : members) {
                if (r.indicatorId.equals(indicatorId) && r.year == year) {
                    return r;
                }
            }
            return null;
        }
    }

    @Inject
    EntityManager em;

    public Facts read(Collection<UUID> indicatorIds, Collection<Integer> years) {
        Session session = em.unwrap(Session.class);
        session.flush();
        session.clear();
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(READ)) {
                Array ids = connection.createArrayOf("uuid", indicatorIds.toArray());
                Array yearArray = connection.createArrayOf("integer", years.toArray());
                int i = 1;
                statement.setArray(i++, ids); // sasaran
                statement.setArray(i++, ids); // indicators
                statement.setArray(i++, ids); // definitions
                statement.setArray(i++, ids); // targets
                statement.setArray(i++, yearArray);
                statement.setArray(i++, ids); // realisasi
                statement.setArray(i++, yearArray);
                statement.setArray(i++, ids); // policies
                statement.setArray(i++, yearArray); // indicator results
                statement.setArray(i++, ids);
                statement.setArray(i++, ids);
                statement.setArray(i++, yearArray); // sasaran results
                statement.setArray(i, ids);
                statement.execute();

                Map<UUID, RmSasaran> sasaran = new HashMap<>();
                ReadModelRows.each(statement, rows -> {
                    RmSasaran s = new RmSasaran();
                    s.sasaranId = rows.getObject(1, UUID.class);
                    s.agencyCode = rows.getString(2);
                    sasaran.put(s.sasaranId, s);
                });
                Map<UUID, RmIndicator> indicators = new HashMap<>();
                ReadModelRows.next(statement, rows -> {
                    RmIndicator r = ReadModelRows.indicator(rows);
                    indicators.put(r.indicatorId, r);
                });
                Map<UUID, RmIndicatorDefinition> definitions = new HashMap<>();
                ReadModelRows.next(statement, rows -> {
                    RmIndicatorDefinition d = ReadModelRows.definition(rows);
                    definitions.put(d.indicatorId, d);
                });
                Map<Key, RmTarget> targets = new HashMap<>();
                ReadModelRows.next(statement, rows -> {
                    RmTarget t = ReadModelRows.target(rows);
                    targets.put(new Key(t.indicatorId, t.year), t);
                });
                Map<Key, List<RmRealisasi>> periods = new HashMap<>();
                ReadModelRows.next(statement, rows -> {
                    RmRealisasi r = new RmRealisasi();
                    r.indicatorId = rows.getObject(1, UUID.class);
                    r.year = rows.getInt(2);
                    r.period = rows.getString(3);
                    r.value = rows.getBigDecimal(4);
                    r.updatesApplied = rows.getInt(5);
                    r.eventTime = rows.getObject(6, OffsetDateTime.class);
                    periods.computeIfAbsent(new Key(r.indicatorId, r.year), k -> new ArrayList<>()).add(r);
                });
                Map<String, RmPolicy> policies = new HashMap<>();
                ReadModelRows.next(statement, rows -> {
                    RmPolicy p = ReadModelRows.policy(rows);
                    policies.put(p.agencyCode, p);
                });
                List<IndicatorResult> members = new ArrayList<>();
                ReadModelRows.next(statement, rows -> members.add(ReadModelRows.indicatorResult(rows)));
                Map<Key, SasaranResult> sasaranResults = new HashMap<>();
                ReadModelRows.next(statement, rows -> {
                    SasaranResult s = ReadModelRows.sasaranResult(rows);
                    sasaranResults.put(new Key(s.sasaranId, s.year), s);
                });
                return new Facts(sasaran, indicators, definitions, targets, periods, policies, members, sasaranResults);
            }
        });
    }

    /** Inserts or replaces the results given and deletes the sasaran results of sasaran left without indicators. */
    public void write(List<IndicatorResult> indicatorResults, List<SasaranResult> sasaranResults, Set<Key> sasaranGone) {
        if (indicatorResults.isEmpty() && sasaranResults.isEmpty() && sasaranGone.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(WRITE)) {
                int i = 1;
                List<IndicatorResult> ir = indicatorResults;
                statement.setArray(i++, array(connection, "uuid", ir, r -> r.indicatorId));
                statement.setArray(i++, array(connection, "integer", ir, r -> r.year));
                statement.setArray(i++, array(connection, "varchar", ir, r -> r.agencyCode));
                statement.setArray(i++, array(connection, "uuid", ir, r -> r.sasaranId));
                statement.setArray(i++, array(connection, "numeric", ir, r -> r.target));
                statement.setArray(i++, array(connection, "numeric", ir, r -> r.realisasi));
                statement.setArray(i++, array(connection, "varchar", ir, r -> r.status));
                statement.setArray(i++, array(connection, "numeric", ir, r -> r.capaian));
                statement.setArray(i++, array(connection, "varchar", ir, r -> r.reason));
                statement.setArray(i++, array(connection, "timestamptz", ir, r -> timestamp(r.freshness)));
                statement.setArray(i++, array(connection, "numeric", ir, r -> r.capaianRaw));
                statement.setArray(i++, array(connection, "varchar", ir, r -> r.category));
                statement.setArray(i++, array(connection, "varchar", ir, r -> r.targetKind));
                statement.setArray(i++, array(connection, "varchar", ir, r -> r.targetText));
                statement.setArray(i++, array(connection, "varchar", ir, r -> r.realisasiSource));
                statement.setArray(i++, array(connection, "integer", ir, r -> r.realisasiUpdates));
                statement.setArray(i++, array(connection, "numeric", ir, r -> r.weight));
                statement.setArray(i++, array(connection, "integer", ir, r -> r.policyVersion));
                List<SasaranResult> sr = sasaranResults;
                statement.setArray(i++, array(connection, "uuid", sr, r -> r.sasaranId));
                statement.setArray(i++, array(connection, "integer", sr, r -> r.year));
                statement.setArray(i++, array(connection, "varchar", sr, r -> r.agencyCode));
                statement.setArray(i++, array(connection, "varchar", sr, r -> r.status));
                statement.setArray(i++, array(connection, "numeric", sr, r -> r.capaian));
                statement.setArray(i++, array(connection, "timestamptz", sr, r -> timestamp(r.freshness)));
                statement.setArray(i++, array(connection, "numeric", sr, r -> r.capaianRaw));
                statement.setArray(i++, array(connection, "varchar", sr, r -> r.category));
                statement.setArray(i++, array(connection, "varchar", sr, r -> r.reason));
                statement.setArray(i++, array(connection, "integer", sr, r -> r.policyVersion));
                List<Key> gone = List.copyOf(sasaranGone);
                statement.setArray(i++, array(connection, "uuid", gone, Key::id));
                statement.setArray(i, array(connection, "integer", gone, Key::year));
                statement.execute();
            }
        });
    }

    private static Timestamp timestamp(OffsetDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }

    private static <T> Array array(Connection connection, String type, List<T> rows, Function<T, Object> column)
            throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return connection.createArrayOf(type, values);
    }
}
