package id.go.maluku.sakip.realization.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.realization.domain.AuditEntry;
import id.go.maluku.sakip.platform.security.Caller;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Writes an audit entry in the transaction of the change it describes, and reads them back. */
@ApplicationScoped
public class AuditService {

    /** What was changed and where. */
    public record Subject(String agencyCode, String indicatorCode, Integer year, String period, String kind, String id) {
    }

    @Inject
    ObjectMapper mapper;

    /** Who makes the change: the subject of the request's bearer token. */
    @Inject
    Caller caller;

    /** The row of an entry; {@link #bind} sets its parameters. */
    public static final String INSERT = "insert into audit_entry (at, actor, agency_code, indicator_code, year, period, "
            + "subject, subject_id, action, old_value, new_value, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Subject subject, String action, Object oldValue, Object newValue, String reason) {
        entry(subject, action, oldValue, newValue, reason).persist();
    }

    /** The same for a change no request makes (an event applied): the actor is named by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, Subject subject, String action, Object oldValue, Object newValue, String reason) {
        AuditEntry entry = entry(actor, subject, action, oldValue, newValue, reason);
        entry.persist();
    }

    /** The entry, not yet written: for a caller that writes it with its change in one round trip. */
    public AuditEntry entry(Subject subject, String action, Object oldValue, Object newValue, String reason) {
        return entry(caller.subject(), subject, action, oldValue, newValue, reason);
    }

    private AuditEntry entry(String actor, Subject subject, String action, Object oldValue, Object newValue, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now(ZoneOffset.UTC);
        entry.actor = actor;
        entry.agencyCode = subject.agencyCode();
        entry.indicatorCode = subject.indicatorCode();
        entry.year = subject.year();
        entry.period = subject.period();
        entry.subject = subject.kind();
        entry.subjectId = subject.id();
        entry.action = action;
        entry.oldValue = json(oldValue);
        entry.newValue = json(newValue);
        entry.reason = reason;
        return entry;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> list(String agencyCode, String indicatorCode, Integer year, String period) {
        StringBuilder query = new StringBuilder("agencyCode = :agency");
        Parameters params = Parameters.with("agency", agencyCode);
        if (indicatorCode != null) {
            query.append(" and indicatorCode = :indicator");
            params.and("indicator", indicatorCode);
        }
        if (year != null) {
            query.append(" and year = :year");
            params.and("year", year);
        }
        if (period != null) {
            query.append(" and period = :period");
            params.and("period", period);
        }
        return AuditEntry.list(query.toString(), Sort.by("id"), params);
    }

    /** Sets the parameters of {@link #INSERT} from parameter index first on; returns the next index. */
    public static int bind(AuditEntry entry, PreparedStatement statement, int first) throws SQLException {
        statement.setObject(first, entry.at);
        statement.setString(first + 1, entry.actor);
        statement.setString(first + 2, entry.agencyCode);
        statement.setString(first + 3, entry.indicatorCode);
        statement.setObject(first + 4, entry.year, Types.INTEGER);
        statement.setString(first + 5, entry.period);
        statement.setString(first + 6, entry.subject);
        statement.setString(first + 7, entry.subjectId);
        statement.setString(first + 8, entry.action);
        statement.setString(first + 9, entry.oldValue);
        statement.setString(first + 10, entry.newValue);
        statement.setString(first + 11, entry.reason);
        return first + 12;
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value could not be serialised", e);
        }
    }
}
