package id.go.maluku.sakip.realization.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.realization.domain.AuditEntry;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.realization.domain.PeriodLock;
import id.go.maluku.sakip.realization.domain.PlanPeriod;
import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.error.ConcurrentChange;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import id.go.maluku.sakip.platform.outbox.OutboxWriter;
import id.go.maluku.sakip.platform.security.RequestAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes a realisasi being recorded, in one round trip to PostgreSQL each: one
 * prepared statement of several SQL statements, which the JDBC driver sends with a single Sync.
 * Why: recording is what operators repeat all day, and through Hibernate a PUT took eight round
 * trips (three reads, four writes, the commit); each costs realization-service and PostgreSQL
 * CPU and holds the row's lock longer (BENCHMARKS.md, realization-service). Now it takes three:
 * {@link #read} (the driver sends BEGIN with it), {@link #write} and the commit, or two when the
 * write commits (see {@link #COMMIT}).
 *
 * <p>Everything runs in the caller's transaction, on its connection. The rows are plain objects,
 * not managed by Hibernate, so that the flush does not write them a second time.
 */
@ApplicationScoped
public class RealisasiStore {

    static final String UPDATE = "update realisasi set value = ?, value_text = ?, stated_in = ?, explanation = ?, "
            + "supporting_factors = ?, hindering_factors = ?, follow_up = ?, revision = ?, updated_at = ?, "
            + "updated_by = ? where id = ?";

    static final String INSERT = "insert into realisasi (id, indicator_id, year, period, value, value_text, status, "
            + "status_note, stated_in, explanation, supporting_factors, hindering_factors, follow_up, revision, "
            + "updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * The indicator by its code, with its agency's Renstra years (null when unknown); its
     * realisasi of the period, locked until the transaction ends (two concurrent changes of one
     * value are applied one after the other, so each gets its own revision and the events' order
     * is the rows'); then the agency's period locks of the year.
     * Each statement starts after the one before it, so the locks are read after the row is held
     * and a period lock committed while this waited for the row is seen.
     */
    static final String READ = "select i.indicator_id, i.agency_code, i.code, i.name, i.unit, i.sasaran_id, i.sasaran_code, "
            + "i.polarity, i.scale::text as scale, i.revision, i.responsible_unit, i.removed, i.definition_revision, "
            + "p.start_year as plan_start, "
            + "p.end_year as plan_end from indicator_ref i left join plan_period p on p.agency_code = i.agency_code "
            + "where i.agency_code = ? and i.code = ?;\n"
            + "select id, value, value_text, status, status_note, stated_in, explanation, supporting_factors, "
            + "hindering_factors, follow_up, revision, updated_at, updated_by from realisasi "
            + "where indicator_id = (select indicator_id from indicator_ref where agency_code = ? and code = ?) "
            + "and year = ? and period = ? for no key update;\n"
            + "select id, agency_code, year, period, deadline, unlocked_at from period_lock where agency_code = ? and year = ?";

    /**
     * Ends a write's statements when the write is the last thing its transaction does (a PUT's
     * own transaction, see RealisasiResource), so that the commit travels in the same round trip
     * instead of one more after it. Why: the realisasi's row stays locked until the commit, and
     * under load every round trip while it is held makes the next PUT of the same value wait
     * (BENCHMARKS.md, realization-service and reporting freshness at 500 per second).
     *
     * <p>How it stays one transaction: the statements of one prepared statement are sent with a
     * single Sync, and once one fails PostgreSQL skips the rest up to it, so the COMMIT runs only
     * when every write before it succeeded; a failure leaves the transaction aborted, and the JTA
     * rollback that follows the exception rolls it back. After the COMMIT the driver knows the
     * connection is idle, and its commit() for the JTA commit sends nothing. Nothing may use the
     * connection after such a write in the same JTA transaction: it would run in a new
     * transaction of its own.
     */
    static final String COMMIT = ";\ncommit";

    /** PostgreSQL's unique_violation: two requests created the same realisasi at once. */
    static final String UNIQUE_VIOLATION = "23505";

    @Inject
    EntityManager em;

    /**
     * The indicator, its realisasi (null when there is none yet), the period locks of its agency and
     * year, and its agency's Renstra years (null when planning has published none).
     */
    public record Current(IndicatorRef indicator, Realisasi realisasi, List<PeriodLock> locksOfYear, PlanPeriod plan) {
    }

    /** Empty when the agency has no indicator of that code (nothing is then locked). */
    public Optional<Current> read(String agencyCode, String indicatorCode, int year, String period) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(READ)) {
                statement.setString(1, agencyCode);
                statement.setString(2, indicatorCode);
                statement.setString(3, agencyCode);
                statement.setString(4, indicatorCode);
                statement.setInt(5, year);
                statement.setString(6, period);
                statement.setString(7, agencyCode);
                statement.setInt(8, year);
                statement.execute();
                IndicatorRef indicator = null;
                PlanPeriod plan = null;
                try (ResultSet rows = statement.getResultSet()) {
                    if (rows.next()) {
                        indicator = indicator(rows);
                        plan = PlanPeriod.of(rows.getObject("plan_start", Integer.class),
                                rows.getObject("plan_end", Integer.class));
                    }
                }
                Realisasi realisasi = null;
                statement.getMoreResults();
                try (ResultSet rows = statement.getResultSet()) {
                    if (rows.next()) {
                        realisasi = realisasi(rows, indicator, year, period);
                    }
                }
                List<PeriodLock> locks = new ArrayList<>();
                statement.getMoreResults();
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        locks.add(lock(rows));
                    }
                }
                return indicator == null ? Optional.<Current>empty() : Optional.of(new Current(indicator, realisasi, locks, plan));
            }
        });
    }

    /**
     * Writes all of them or fails (and the transaction with it).
     *
     * @param created whether the realisasi is new (inserted) or read for update (updated)
     * @param event   null when only the narrative changed (no event)
     * @param request null outside a request that records its own row
     * @param commit  whether the same round trip commits: see {@link #COMMIT}
     */
    public void write(Realisasi realisasi, boolean created, AuditEntry entry, OutboxEvent event,
                      RequestAudit.Row request, boolean commit) {
        StringBuilder sql = new StringBuilder(created ? INSERT : UPDATE).append(";\n").append(AuditService.INSERT);
        if (event != null) {
            sql.append(";\n").append(OutboxWriter.INSERT);
        }
        if (request != null) {
            sql.append(";\n").append(RequestAudit.INSERT);
        }
        if (commit) {
            sql.append(COMMIT);
        }
        Session session = em.unwrap(Session.class);
        if (!created && session.contains(realisasi)) {
            session.detach(realisasi);
        }
        try {
            session.doWork(connection -> write(connection, sql.toString(), realisasi, created, entry, event, request));
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            if (created && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConcurrentChange("realisasi", "realisasi " + realisasi.year + "/" + realisasi.period
                        + " of indicator '" + realisasi.indicator.code + "' was recorded by another request at the "
                        + "same moment; nothing of this request was kept: send it again", e);
            }
            throw e;
        }
    }

    private static void write(Connection connection, String sql, Realisasi realisasi, boolean created, AuditEntry entry,
                              OutboxEvent event, RequestAudit.Row request) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = created ? bindInsert(realisasi, statement) : bindUpdate(realisasi, statement);
            next = AuditService.bind(entry, statement, next);
            if (event != null) {
                next = OutboxWriter.bind(event, statement, next);
            }
            if (request != null) {
                request.bind(statement, next);
            }
            statement.execute();
            if (statement.getUpdateCount() != 1) {
                // the row is locked by this transaction since it was read; anything else is a bug
                throw new IllegalStateException("realisasi " + realisasi.id + " was not written");
            }
        }
    }

    /** The request's row alone, for a request that changed nothing; commit as in the write above. */
    public void write(RequestAudit.Row request, boolean commit) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(commit ? RequestAudit.INSERT + COMMIT
                    : RequestAudit.INSERT)) {
                request.bind(statement, 1);
                statement.executeUpdate();
            }
        });
    }

    private static IndicatorRef indicator(ResultSet rows) throws SQLException {
        IndicatorRef ref = new IndicatorRef();
        ref.indicatorId = rows.getObject("indicator_id", UUID.class);
        ref.agencyCode = rows.getString("agency_code");
        ref.code = rows.getString("code");
        ref.name = rows.getString("name");
        ref.unit = rows.getString("unit");
        ref.sasaranId = rows.getObject("sasaran_id", UUID.class);
        ref.sasaranCode = rows.getString("sasaran_code");
        ref.polarity = rows.getString("polarity");
        ref.scale = levels(rows.getString("scale"));
        ref.revision = rows.getLong("revision");
        ref.responsibleUnit = rows.getString("responsible_unit");
        ref.removed = rows.getBoolean("removed");
        ref.definitionRevision = rows.getLong("definition_revision");
        return ref;
    }

    /** The plan's ordered scale as stored (a JSON array of levels), or null. */
    private static List<String> levels(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return LEVELS.readValue(json, new TypeReference<List<String>>() { });
        } catch (java.io.IOException e) {
            throw new SQLException("indicator_ref.scale is not a list of levels: " + json, e);
        }
    }

    /** Plain Jackson for the one JSON column read here (the REST layer's mapper is tuned for requests). */
    private static final ObjectMapper LEVELS = new ObjectMapper();

    private static Realisasi realisasi(ResultSet rows, IndicatorRef indicator, int year, String period)
            throws SQLException {
        Realisasi r = new Realisasi();
        r.id = rows.getObject("id", UUID.class);
        r.indicator = indicator;
        r.year = year;
        r.period = period;
        r.value = rows.getBigDecimal("value");
        r.valueText = rows.getString("value_text");
        r.status = rows.getString("status");
        r.statusNote = rows.getString("status_note");
        r.statedIn = rows.getString("stated_in");
        r.explanation = rows.getString("explanation");
        r.supportingFactors = rows.getString("supporting_factors");
        r.hinderingFactors = rows.getString("hindering_factors");
        r.followUp = rows.getString("follow_up");
        r.revision = rows.getLong("revision");
        r.updatedAt = rows.getObject("updated_at", OffsetDateTime.class);
        r.updatedBy = rows.getString("updated_by");
        return r;
    }

    /** What deciding whether a lock is in force and covers a period needs (PeriodLock.inForce, covers). */
    private static PeriodLock lock(ResultSet rows) throws SQLException {
        PeriodLock lock = new PeriodLock();
        lock.id = rows.getObject("id", UUID.class);
        lock.agencyCode = rows.getString("agency_code");
        lock.year = rows.getInt("year");
        lock.period = rows.getString("period");
        lock.deadline = rows.getObject("deadline", LocalDate.class);
        lock.unlockedAt = rows.getObject("unlocked_at", OffsetDateTime.class);
        return lock;
    }

    private static int bindUpdate(Realisasi r, PreparedStatement statement) throws SQLException {
        statement.setBigDecimal(1, r.value);
        statement.setString(2, r.valueText);
        statement.setString(3, r.statedIn);
        statement.setString(4, r.explanation);
        statement.setString(5, r.supportingFactors);
        statement.setString(6, r.hinderingFactors);
        statement.setString(7, r.followUp);
        statement.setLong(8, r.revision);
        statement.setObject(9, r.updatedAt);
        statement.setString(10, r.updatedBy);
        statement.setObject(11, r.id);
        return 12;
    }

    private static int bindInsert(Realisasi r, PreparedStatement statement) throws SQLException {
        statement.setObject(1, r.id);
        statement.setObject(2, r.indicator.indicatorId);
        statement.setInt(3, r.year);
        statement.setString(4, r.period);
        statement.setBigDecimal(5, r.value);
        statement.setString(6, r.valueText);
        statement.setString(7, r.status);
        statement.setString(8, r.statusNote);
        statement.setString(9, r.statedIn);
        statement.setString(10, r.explanation);
        statement.setString(11, r.supportingFactors);
        statement.setString(12, r.hinderingFactors);
        statement.setString(13, r.followUp);
        statement.setLong(14, r.revision);
        statement.setObject(15, r.updatedAt);
        statement.setString(16, r.updatedBy);
        return 17;
    }
}
