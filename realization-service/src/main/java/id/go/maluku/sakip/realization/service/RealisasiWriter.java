package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.realization.domain.AuditEntry;
import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.outbox.OutboxEvent;
import id.go.maluku.sakip.realization.outbox.OutboxWriter;
import id.go.maluku.sakip.security.RequestAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes a recorded realisasi with its audit entry, its event (when the value changed) and the
 * request's audit row in one round trip to PostgreSQL: one prepared statement of several SQL
 * statements, which the JDBC driver sends with a single Sync. Why: recording is what operators
 * repeat all day, and written one by one through Hibernate these were four of the eight round
 * trips of a PUT; each costs realization-service and PostgreSQL CPU and holds the row's lock
 * longer (BENCHMARKS.md, realization-service).
 *
 * <p>Everything is written in the caller's transaction, on its connection. A realisasi read
 * through Hibernate is detached, so that the flush does not write it a second time.
 */
@ApplicationScoped
public class RealisasiWriter {

    static final String UPDATE = "update realisasi set value = ?, value_text = ?, stated_in = ?, explanation = ?, "
            + "supporting_factors = ?, hindering_factors = ?, follow_up = ?, revision = ?, updated_at = ?, "
            + "updated_by = ? where id = ?";

    static final String INSERT = "insert into realisasi (id, indicator_id, year, period, value, value_text, status, "
            + "status_note, stated_in, explanation, supporting_factors, hindering_factors, follow_up, revision, "
            + "updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    EntityManager em;

    /**
     * Writes all of them or fails (and the transaction with it).
     *
     * @param created whether the realisasi is new (inserted) or read for update (updated)
     * @param event   null when only the narrative changed (no event)
     * @param request null outside a request that records its own row
     */
    public void write(Realisasi realisasi, boolean created, AuditEntry entry, OutboxEvent event,
                      RequestAudit.Row request) {
        StringBuilder sql = new StringBuilder(created ? INSERT : UPDATE).append(";\n").append(AuditService.INSERT);
        if (event != null) {
            sql.append(";\n").append(OutboxWriter.INSERT);
        }
        if (request != null) {
            sql.append(";\n").append(RequestAudit.INSERT);
        }
        Session session = em.unwrap(Session.class);
        if (!created) {
            session.detach(realisasi);
        }
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
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
        });
    }

    /** The request's row alone, for a request that changed nothing. */
    public void write(RequestAudit.Row request) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RequestAudit.INSERT)) {
                request.bind(statement, 1);
                statement.executeUpdate();
            }
        });
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
