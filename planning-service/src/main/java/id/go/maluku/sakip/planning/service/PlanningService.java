package id.go.maluku.sakip.planning.service;

import id.go.maluku.sakip.planning.domain.Agency;
import id.go.maluku.sakip.planning.domain.Indicator;
import id.go.maluku.sakip.planning.domain.Polarity;
import id.go.maluku.sakip.planning.domain.Sasaran;
import id.go.maluku.sakip.planning.domain.Target;
import id.go.maluku.sakip.planning.error.ApiProblem;
import id.go.maluku.sakip.planning.event.PlanningEvents;
import id.go.maluku.sakip.planning.outbox.OutboxWriter;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes to the plan. Every change that alters a fact bumps its revision and records an event
 * in the same transaction; an upsert that changes nothing writes nothing and publishes nothing.
 */
@ApplicationScoped
@Transactional
public class PlanningService {

    public record Upserted<T>(T entity, boolean created, boolean changed) {
    }

    @Inject
    OutboxWriter outbox;

    public Agency createAgency(String code, String name) {
        if (Agency.findByCode(code).isPresent()) {
            throw ApiProblem.conflict("agency '" + code + "' already exists");
        }
        return upsertAgency(code, name).entity();
    }

    public Upserted<Agency> upsertAgency(String code, String name) {
        Agency agency = Agency.findByCode(code).orElse(null);
        boolean created = agency == null;
        if (created) {
            agency = new Agency();
            agency.id = UUID.randomUUID();
            agency.code = code;
        } else if (Objects.equals(agency.name, name)) {
            return new Upserted<>(agency, false, false);
        }
        agency.name = name;
        agency.revision++;
        agency.persist();
        outbox.publish("agency", agency.id.toString(), PlanningEvents.AGENCY_UPSERTED,
                new PlanningEvents.AgencyUpsertedV1(agency.id.toString(), agency.code, agency.name, agency.revision));
        return new Upserted<>(agency, created, true);
    }

    public Upserted<Sasaran> upsertSasaran(String agencyCode, String code, String name, int ordinal) {
        Agency agency = agency(agencyCode);
        Sasaran sasaran = Sasaran.findByCode(agency, code).orElse(null);
        boolean created = sasaran == null;
        if (created) {
            sasaran = new Sasaran();
            sasaran.id = UUID.randomUUID();
            sasaran.agency = agency;
            sasaran.code = code;
        } else if (Objects.equals(sasaran.name, name) && sasaran.ordinal == ordinal) {
            return new Upserted<>(sasaran, false, false);
        }
        sasaran.name = name;
        sasaran.ordinal = ordinal;
        sasaran.revision++;
        sasaran.persist();
        outbox.publish("sasaran", sasaran.id.toString(), PlanningEvents.SASARAN_UPSERTED,
                new PlanningEvents.SasaranUpsertedV1(sasaran.id.toString(), agency.code, sasaran.code, sasaran.name,
                        sasaran.ordinal, sasaran.revision));
        return new Upserted<>(sasaran, created, true);
    }

    public Upserted<Indicator> upsertIndicator(String agencyCode, String code, String sasaranCode, String name,
                                               String unit, Polarity polarity) {
        Agency agency = agency(agencyCode);
        Sasaran sasaran = Sasaran.findByCode(agency, sasaranCode)
                .orElseThrow(() -> ApiProblem.invalid("sasaran", "sasaran '" + sasaranCode + "' does not exist in agency '" + agencyCode + "'"));
        Indicator indicator = Indicator.findByCode(agency, code).orElse(null);
        boolean created = indicator == null;
        if (created) {
            indicator = new Indicator();
            indicator.id = UUID.randomUUID();
            indicator.agency = agency;
            indicator.code = code;
        } else if (indicator.sasaran.equals(sasaran) && Objects.equals(indicator.name, name)
                && Objects.equals(indicator.unit, unit) && indicator.polarity == polarity) {
            return new Upserted<>(indicator, false, false);
        }
        indicator.sasaran = sasaran;
        indicator.name = name;
        indicator.unit = unit;
        indicator.polarity = polarity;
        indicator.revision++;
        indicator.persist();
        outbox.publish("indicator", indicator.id.toString(), PlanningEvents.INDICATOR_UPSERTED,
                new PlanningEvents.IndicatorUpsertedV1(indicator.id.toString(), agency.code, sasaran.id.toString(),
                        sasaran.code, indicator.code, indicator.name, indicator.unit, indicator.polarity.toString(),
                        indicator.revision));
        return new Upserted<>(indicator, created, true);
    }

    public Upserted<Target> setTarget(String agencyCode, String indicatorCode, int year, BigDecimal value) {
        Indicator indicator = indicator(agencyCode, indicatorCode);
        Target target = Target.find(indicator, year).orElse(null);
        boolean created = target == null;
        if (created) {
            target = new Target();
            target.id = UUID.randomUUID();
            target.indicator = indicator;
            target.year = year;
        } else if (target.value.compareTo(value) == 0) {
            return new Upserted<>(target, false, false);
        }
        target.value = value;
        target.revision++;
        target.persist();
        // Keyed by indicator: a target and the indicator it belongs to stay in order.
        outbox.publish("indicator", indicator.id.toString(), PlanningEvents.TARGET_SET,
                new PlanningEvents.TargetSetV1(indicator.id.toString(), indicator.agency.code, indicator.code, year,
                        value, target.revision));
        return new Upserted<>(target, created, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Agency agency(String code) {
        return Agency.findByCode(code).orElseThrow(() -> ApiProblem.notFound("agency", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Indicator indicator(String agencyCode, String code) {
        return Indicator.findByCode(agency(agencyCode), code)
                .orElseThrow(() -> ApiProblem.notFound("indicator", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Agency> agencies(String query, int page, int size) {
        return agencyQuery(query).page(Page.of(page, size)).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countAgencies(String query) {
        return agencyQuery(query).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Agency> agencyQuery(String query) {
        if (query == null || query.isBlank()) {
            return Agency.findAll(Sort.by("code"));
        }
        String like = "%" + query.toLowerCase() + "%";
        return Agency.find("lower(code) like ?1 or lower(name) like ?1", Sort.by("code"), like);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Sasaran> sasaran(String agencyCode) {
        return Sasaran.list("agency", Sort.by("ordinal").and("code"), agency(agencyCode));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Indicator> indicators(String agencyCode) {
        return Indicator.list("agency", Sort.by("code"), agency(agencyCode));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Target> targets(Indicator indicator) {
        return Target.list("indicator", Sort.by("year"), indicator);
    }
}
