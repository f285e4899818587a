package id.go.maluku.sakip.realization.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.realization.domain.AuditEntry;
import id.go.maluku.sakip.security.Caller;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Subject subject, String action, Object oldValue, Object newValue, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now(ZoneOffset.UTC);
        entry.actor = caller.subject();
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
        entry.persist();
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
