package id.go.maluku.sakip.reporting.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.reporting.domain.CapaianPolicy;
import id.go.maluku.sakip.reporting.domain.RatingScale;
import id.go.maluku.sakip.reporting.readmodel.RmIndicatorDefinition;
import id.go.maluku.sakip.reporting.readmodel.RmPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** Reads stored policies and scales back into the domain's values. */
@ApplicationScoped
public class Policies {

    @Inject
    ObjectMapper json;

    /** The newest version of the agency's policy, or the default when it states none. */
    public CapaianPolicy current(String agencyCode) {
        return newest(agencyCode).map(this::toDomain).orElse(CapaianPolicy.DEFAULT);
    }

    public Optional<RmPolicy> newest(String agencyCode) {
        return RmPolicy.<RmPolicy>find("agencyCode = ?1 order by version desc", agencyCode).firstResultOptional();
    }

    public CapaianPolicy toDomain(RmPolicy row) {
        try {
            List<RatingScale.Band> bands = json.readValue(row.bands, new TypeReference<List<RatingScale.Band>>() { });
            return new CapaianPolicy(row.version, new RatingScale(bands), row.cap,
                    CapaianPolicy.NegativeFormula.valueOf(row.negativeFormula),
                    CapaianPolicy.ZeroTarget.valueOf(row.zeroTarget),
                    CapaianPolicy.OrdinalNotMet.valueOf(row.ordinalNotMet),
                    CapaianPolicy.CategoryBasis.valueOf(row.categoryBasis),
                    row.labelMet == null ? null : new CapaianPolicy.TargetLabels(row.labelBelow, row.labelMet, row.labelExceeded));
        } catch (Exception e) {
            throw new IllegalStateException("stored policy " + row.agencyCode + " v" + row.version + " unreadable", e);
        }
    }

    public List<String> scale(RmIndicatorDefinition definition) {
        if (definition == null || definition.scale == null) {
            return null;
        }
        try {
            return json.readValue(definition.scale, new TypeReference<List<String>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("stored scale of " + definition.indicatorId + " unreadable", e);
        }
    }
}
