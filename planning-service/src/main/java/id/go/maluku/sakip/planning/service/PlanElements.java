package id.go.maluku.sakip.planning.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import id.go.maluku.sakip.planning.domain.Agency;
import id.go.maluku.sakip.planning.domain.Aggregation;
import id.go.maluku.sakip.planning.domain.Indicator;
import id.go.maluku.sakip.planning.domain.PerjanjianKinerja;
import id.go.maluku.sakip.planning.domain.PkItem;
import id.go.maluku.sakip.planning.domain.PlanSection;
import id.go.maluku.sakip.planning.domain.Polarity;
import id.go.maluku.sakip.planning.domain.Removal;
import id.go.maluku.sakip.planning.domain.Sasaran;
import id.go.maluku.sakip.planning.domain.Target;
import id.go.maluku.sakip.planning.domain.TargetValue;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.planning.event.PlanningEvents;
import id.go.maluku.sakip.planning.event.PlanContentEvents;
import id.go.maluku.sakip.planning.event.RemovalEvents;
import id.go.maluku.sakip.platform.outbox.OutboxWriter;
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
 * The plan's elements one at a time: agencies, sasaran, indicators, targets and sections, written
 * and read. Every change that alters a fact bumps its revision and records an event
 * in the same transaction; an upsert that changes nothing writes nothing and publishes nothing.
 */
@ApplicationScoped
@Transactional
public class PlanElements {

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
        return upsertAgency(code, name, agency == null ? null : agency.provinceCode);
    }

    public Upserted<Agency> upsertAgency(String code, String name, String provinceCode) {
        Agency agency = Agency.findByCode(code).orElse(null);
        boolean created = agency == null;
        if (created) {
            agency = new Agency();
            agency.id = UUID.randomUUID();
            agency.code = code;
        } else if (Objects.equals(agency.name, name) && Objects.equals(agency.provinceCode, provinceCode)) {
            return new Upserted<>(agency, false, false);
        }
        agency.name = name;
        agency.provinceCode = provinceCode;
        agency.revision++;
        agency.persist();
        outbox.publish("agency", agency.id.toString(), PlanningEvents.AGENCY_UPSERTED,
                new PlanningEvents.AgencyUpsertedV1(agency.id.toString(), agency.code, agency.name, agency.revision));
        return new Upserted<>(agency, created, true);
    }

    public Upserted<Sasaran> upsertSasaran(String agencyCode, String code, String name, int ordinal) {
        Sasaran existing = Sasaran.findByCode(agency(agencyCode), code).orElse(null);
        return upsertSasaran(agencyCode, code, name, ordinal, existing == null ? null : existing.tujuanCode);
    }

    public Upserted<Sasaran> upsertSasaran(String agencyCode, String code, String name, int ordinal, String tujuanCode) {
        Agency agency = agency(agencyCode);
        Sasaran sasaran = Sasaran.findByCode(agency, code).orElse(null);
        boolean created = sasaran == null;
        if (created) {
            Removal.Identity identity = Removal.restore(agency, Removal.SASARAN, code);
            sasaran = new Sasaran();
            sasaran.id = identity.id();
            sasaran.revision = identity.revision();
            sasaran.agency = agency;
            sasaran.code = code;
        } else if (Objects.equals(sasaran.name, name) && sasaran.ordinal == ordinal
                && Objects.equals(sasaran.tujuanCode, tujuanCode)) {
            return new Upserted<>(sasaran, false, false);
        }
        sasaran.name = name;
        sasaran.tujuanCode = tujuanCode;
        sasaran.ordinal = ordinal;
        sasaran.revision++;
        sasaran.persist();
        outbox.publish("sasaran", sasaran.id.toString(), PlanningEvents.SASARAN_UPSERTED,
                new PlanningEvents.SasaranUpsertedV1(sasaran.id.toString(), agency.code, sasaran.code, sasaran.name,
                        sasaran.ordinal, sasaran.revision));
        publishSasaranLinks(agency);
        return new Upserted<>(sasaran, created, true);
    }

    /**
     * Stores a plan section and publishes it when its content changed.
     *
     * @return "created", "updated" or "unchanged"
     */
    public String storeSection(Agency agency, String name, JsonNode content) {
        PlanSection section = PlanSection.find(agency, name).orElse(null);
        boolean created = section == null;
        if (created) {
            section = new PlanSection();
            section.id = UUID.randomUUID();
            section.agency = agency;
            section.section = name;
        } else if (section.content.equals(content)) {
            return "unchanged";
        }
        section.content = content;
        section.revision++;
        section.persist();
        outbox.publish("agency", agency.id.toString(), PlanContentEvents.SECTION_UPSERTED,
                new PlanContentEvents.SectionUpsertedV1(agency.code, name, content, section.revision));
        return created ? "created" : "updated";
    }

    /**
     * The sasaran with the tujuan each serves, as a plan section, for the LKIP's Tabel 2.1:
     * sasaran.upserted.v1 does not carry the link. Refreshed whenever a sasaran changes or goes.
     */
    private void publishSasaranLinks(Agency agency) {
        ArrayNode links = JsonNodeFactory.instance.arrayNode();
        for (Sasaran s : sasaran(agency.code)) {
            links.addObject().put("code", s.code).put("name", s.name).put("ordinal", s.ordinal).put("tujuan", s.tujuanCode);
        }
        storeSection(agency, PlanSection.SASARAN, links);
    }

    /** What defines an indicator, beyond its code. */
    public record IndicatorDefinition(String sasaranCode, String name, String unit, Polarity polarity, boolean iku,
                                      String formula, String numerator, String denominator, String dataSource,
                                      String responsibleUnit, Aggregation aggregation, int decimals, BigDecimal weight,
                                      List<String> scale) {
        public static IndicatorDefinition basic(String sasaranCode, String name, String unit, Polarity polarity) {
            return new IndicatorDefinition(sasaranCode, name, unit, polarity, false, null, null, null, null, null,
                    Aggregation.LAST, Indicator.DEFAULT_DECIMALS, null, null);
        }
    }

    public Upserted<Indicator> upsertIndicator(String agencyCode, String code, String sasaranCode, String name,
                                               String unit, Polarity polarity) {
        Agency agency = agency(agencyCode);
        Indicator existing = Indicator.findByCode(agency, code).orElse(null);
        if (existing != null) {
            // the short form changes only these four fields and keeps the rest of the definition
            return upsertIndicator(agencyCode, code, new IndicatorDefinition(sasaranCode, name, unit, polarity,
                    existing.iku, existing.formula, existing.numerator, existing.denominator, existing.dataSource,
                    existing.responsibleUnit, existing.aggregation, existing.decimals, existing.weight, existing.scale));
        }
        return upsertIndicator(agencyCode, code, IndicatorDefinition.basic(sasaranCode, name, unit, polarity));
    }

    public Upserted<Indicator> upsertIndicator(String agencyCode, String code, IndicatorDefinition d) {
        Agency agency = agency(agencyCode);
        Sasaran sasaran = Sasaran.findByCode(agency, d.sasaranCode())
                .orElseThrow(() -> ApiProblem.invalid("sasaran", "sasaran '" + d.sasaranCode() + "' does not exist in agency '" + agencyCode + "'"));
        if (d.polarity() == Polarity.ORDINAL && (d.scale() == null || d.scale().size() < 2)) {
            throw ApiProblem.invalid("scale", "an ordinal indicator needs its ordered scale, lowest first");
        }
        Indicator indicator = Indicator.findByCode(agency, code).orElse(null);
        boolean created = indicator == null;
        if (created) {
            Removal.Identity identity = Removal.restore(agency, Removal.INDICATOR, code);
            indicator = new Indicator();
            indicator.id = identity.id();
            indicator.revision = identity.revision();
            indicator.agency = agency;
            indicator.code = code;
        } else if (indicator.sasaran.equals(sasaran) && Objects.equals(indicator.name, d.name())
                && Objects.equals(indicator.unit, d.unit()) && indicator.polarity == d.polarity()
                && indicator.iku == d.iku() && Objects.equals(indicator.formula, d.formula())
                && Objects.equals(indicator.numerator, d.numerator()) && Objects.equals(indicator.denominator, d.denominator())
                && Objects.equals(indicator.dataSource, d.dataSource())
                && Objects.equals(indicator.responsibleUnit, d.responsibleUnit())
                && indicator.aggregation == d.aggregation() && indicator.decimals == d.decimals()
                && sameNumber(indicator.weight, d.weight()) && Objects.equals(indicator.scale, d.scale())) {
            return new Upserted<>(indicator, false, false);
        }
        if (!created && indicator.polarity != d.polarity() && Target.count("indicator", indicator) > 0) {
            throw ApiProblem.conflict("indicator '" + code + "' has targets of its polarity " + indicator.polarity
                    + "; remove them before changing it to " + d.polarity());
        }
        indicator.sasaran = sasaran;
        indicator.name = d.name();
        indicator.unit = d.unit();
        indicator.polarity = d.polarity();
        indicator.iku = d.iku();
        indicator.formula = d.formula();
        indicator.numerator = d.numerator();
        indicator.denominator = d.denominator();
        indicator.dataSource = d.dataSource();
        indicator.responsibleUnit = d.responsibleUnit();
        indicator.aggregation = d.aggregation() == null ? Aggregation.DEFAULT : d.aggregation();
        indicator.decimals = d.decimals();
        indicator.weight = d.weight();
        indicator.scale = d.scale();
        indicator.revision++;
        indicator.persist();
        outbox.publish("indicator", indicator.id.toString(), PlanningEvents.INDICATOR_UPSERTED,
                new PlanningEvents.IndicatorUpsertedV1(indicator.id.toString(), agency.code, sasaran.id.toString(),
                        sasaran.code, indicator.code, indicator.name, indicator.unit, indicator.polarity.toString(),
                        indicator.revision));
        outbox.publish("indicator", indicator.id.toString(), PlanContentEvents.INDICATOR_DEFINED,
                new PlanContentEvents.IndicatorDefinedV1(indicator.id.toString(), agency.code, sasaran.code,
                        indicator.code, indicator.name, indicator.unit, indicator.polarity.toString(), indicator.iku,
                        indicator.formula, indicator.numerator, indicator.denominator, indicator.dataSource,
                        indicator.responsibleUnit, indicator.aggregation.toString(), indicator.decimals, indicator.weight,
                        indicator.scale, indicator.revision));
        return new Upserted<>(indicator, created, true);
    }

    /** A target as the plan document takes it (TargetValue.parse, for the indicator's polarity and scale). */
    public Upserted<Target> setTarget(String agencyCode, String indicatorCode, int year, JsonNode value) {
        Indicator indicator = indicator(agencyCode, indicatorCode);
        TargetValue target;
        try {
            target = TargetValue.parse(indicator.polarity, indicator.scale, value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("value", "indicator '" + indicatorCode + "': " + e.getMessage());
        }
        return setTarget(indicator, year, target);
    }

    public Upserted<Target> setTarget(Indicator indicator, int year, TargetValue value) {
        Renstra.checkYear(indicator.agency, year, "year");
        Target target = Target.find(indicator, year).orElse(null);
        boolean created = target == null;
        if (created) {
            Removal.Identity identity = Removal.restore(indicator.agency, Removal.TARGET, Removal.target(indicator.code, year));
            target = new Target();
            target.id = identity.id();
            target.revision = identity.revision();
            target.indicator = indicator;
            target.year = year;
        } else if (new TargetValue(target.value, target.rangeLow, target.rangeHigh, target.ordinalValue).sameAs(value)) {
            return new Upserted<>(target, false, false);
        }
        target.value = value.value();
        target.rangeLow = value.low();
        target.rangeHigh = value.high();
        target.ordinalValue = value.ordinal();
        target.revision++;
        target.persist();
        // Keyed by indicator: a target and the indicator it belongs to stay in order.
        if (value.value() != null) {
            outbox.publish("indicator", indicator.id.toString(), PlanningEvents.TARGET_SET,
                    new PlanningEvents.TargetSetV1(indicator.id.toString(), indicator.agency.code, indicator.code, year,
                            value.value(), target.revision));
        }
        outbox.publish("indicator", indicator.id.toString(), PlanContentEvents.TARGET_DEFINED,
                new PlanContentEvents.TargetDefinedV1(indicator.id.toString(), indicator.agency.code, indicator.code,
                        year, value.kind(), value.toJson(), target.revision));
        return new Upserted<>(target, created, true);
    }

    /**
     * Removes a sasaran that no indicator measures and no Perjanjian Kinerja names any more
     * (409 otherwise, naming what still holds it).
     */
    public void removeSasaran(String agencyCode, String code) {
        Agency agency = agency(agencyCode);
        Sasaran sasaran = sasaran(agencyCode, code);
        List<String> indicators = Indicator.<Indicator>list("sasaran", Sort.by("code"), sasaran).stream()
                .map(i -> i.code).toList();
        if (!indicators.isEmpty()) {
            throw new ApiProblem(409, "Conflict", "sasaran '" + code + "' is still measured by indicator(s) "
                    + String.join(", ", indicators) + "; remove them or move them to another sasaran first",
                    indicators.stream().map(i -> new ApiProblem.FieldError("indicators/" + i, "measures sasaran '" + code + "'"))
                            .toList());
        }
        refuseIfInPk(agency, PkItem.list("pk.agency = ?1 and sasaranCode = ?2", agency, code), "sasaran", code);
        long revision = sasaran.revision + 1;
        sasaran.delete();
        Removal.record(agency, Removal.SASARAN, code, sasaran.id, revision);
        outbox.publish("sasaran", sasaran.id.toString(), RemovalEvents.SASARAN_REMOVED,
                new RemovalEvents.SasaranRemovedV1(sasaran.id.toString(), agency.code, code, revision));
        publishSasaranLinks(agency);
    }

    /**
     * Removes an indicator with its Renstra targets (a target.removed event for each, then the
     * indicator's). Refused (409) while a Perjanjian Kinerja version names it: a signed one never
     * changes, and a draft must drop it first so that it never names a missing indicator.
     */
    public void removeIndicator(String agencyCode, String code) {
        Indicator indicator = indicator(agencyCode, code);
        Agency agency = indicator.agency;
        refuseIfInPk(agency, PkItem.list("pk.agency = ?1 and indicatorCode = ?2", agency, code), "indicator", code);
        for (Target target : targets(indicator)) {
            removeTarget(indicator, target);
        }
        long revision = indicator.revision + 1;
        indicator.delete();
        Removal.record(agency, Removal.INDICATOR, code, indicator.id, revision);
        outbox.publish("indicator", indicator.id.toString(), RemovalEvents.INDICATOR_REMOVED,
                new RemovalEvents.IndicatorRemovedV1(indicator.id.toString(), agency.code,
                        indicator.sasaran.id.toString(), indicator.sasaran.code, code, revision));
    }

    /** Removes the Renstra target of an indicator for a year. */
    public void removeTarget(String agencyCode, String indicatorCode, int year) {
        Indicator indicator = indicator(agencyCode, indicatorCode);
        Target target = Target.find(indicator, year)
                .orElseThrow(() -> ApiProblem.notFound("target of indicator '" + indicatorCode + "' for", String.valueOf(year)));
        removeTarget(indicator, target);
    }

    private void removeTarget(Indicator indicator, Target target) {
        long revision = target.revision + 1;
        target.delete();
        Removal.record(indicator.agency, Removal.TARGET, Removal.target(indicator.code, target.year), target.id, revision);
        // keyed by indicator, as the target's other events
        outbox.publish("indicator", indicator.id.toString(), RemovalEvents.TARGET_REMOVED,
                new RemovalEvents.TargetRemovedV1(indicator.id.toString(), indicator.agency.code, indicator.code,
                        target.year, revision));
    }

    /** A Perjanjian Kinerja item names the element: 409, naming each version and why it holds. */
    private static void refuseIfInPk(Agency agency, List<PkItem> items, String what, String code) {
        if (items.isEmpty()) {
            return;
        }
        List<PerjanjianKinerja> versions = items.stream().map(i -> i.pk).distinct()
                .sorted(java.util.Comparator.comparingInt((PerjanjianKinerja pk) -> pk.year).thenComparingInt(pk -> pk.version))
                .toList();
        List<ApiProblem.FieldError> errors = versions.stream().map(pk -> new ApiProblem.FieldError(
                "perjanjian-kinerja/" + pk.year + "/versions/" + pk.version,
                pk.signed() ? "signed on " + pk.signedAt + ": a signed Perjanjian Kinerja never changes"
                        : "an unsigned draft: change it without this " + what + " first")).toList();
        boolean signed = versions.stream().anyMatch(PerjanjianKinerja::signed);
        throw new ApiProblem(409, "Conflict", what + " '" + code + "' is in the " + (signed ? "signed " : "")
                + "Perjanjian Kinerja " + versions.stream().map(pk -> pk.year + " version " + pk.version
                + (pk.signed() ? " (signed)" : " (draft)")).collect(java.util.stream.Collectors.joining(", "))
                + " of agency '" + agency.code + "' and cannot be removed", errors);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean agencyExists(String code) {
        return Agency.findByCode(code).isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Agency agency(String code) {
        return Agency.findByCode(code).orElseThrow(() -> ApiProblem.notFound("agency", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Sasaran sasaran(String agencyCode, String code) {
        return Sasaran.findByCode(agency(agencyCode), code).orElseThrow(() -> ApiProblem.notFound("sasaran", code));
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
