package id.go.maluku.sakip.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.reporting.domain.Aggregation;
import id.go.maluku.sakip.reporting.domain.CapaianPolicy;
import id.go.maluku.sakip.reporting.domain.Polarity;
import id.go.maluku.sakip.reporting.domain.RatingScale;
import id.go.maluku.sakip.reporting.messaging.ConsumedEvents;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import id.go.maluku.sakip.reporting.readmodel.RmBudgetLine;
import id.go.maluku.sakip.reporting.readmodel.RmBudgetLink;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmIndicatorDefinition;
import id.go.maluku.sakip.reporting.readmodel.RmPolicy;
import id.go.maluku.sakip.reporting.readmodel.RmRealisasi;
import id.go.maluku.sakip.reporting.readmodel.RmRenstra;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import id.go.maluku.sakip.reporting.readmodel.RmTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Applies facts to the read model. Each copy keeps the revision it came from, and an older
 * revision never overwrites a newer one, so reordered events cannot corrupt it. After a fact
 * changes, exactly the results it affects are recomputed.
 *
 * Two families carry the same fact at the same revision (target.set.v1 and target.defined.v1;
 * line.upserted.v1 and line.changed.v3, or v2 before it): the richer one applies at an equal revision too, the
 * plainer one only at a newer revision, so the richer content is never lost to its twin.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelService {

    @Inject
    Recalculator recalculator;

    @Inject
    ObjectMapper json;

    public void apply(ConsumedEvents.AgencyUpserted e) {
        UUID id = uuid(e.agencyId(), "agencyId");
        RmAgency agency = RmAgency.findById(id);
        if (agency == null) {
            agency = new RmAgency();
            agency.agencyId = id;
        } else if (agency.revision >= e.revision()) {
            return;
        }
        agency.agencyCode = required(e.agencyCode(), "agencyCode");
        agency.name = required(e.name(), "name");
        agency.revision = e.revision();
        agency.persist();
    }

    public void apply(ConsumedEvents.SasaranUpserted e, OffsetDateTime time) {
        UUID id = uuid(e.sasaranId(), "sasaranId");
        RmSasaran sasaran = RmSasaran.findById(id);
        if (sasaran == null) {
            sasaran = new RmSasaran();
            sasaran.sasaranId = id;
        } else if (sasaran.revision >= e.revision()) {
            return;
        }
        sasaran.agencyCode = required(e.agencyCode(), "agencyCode");
        sasaran.code = required(e.code(), "code");
        sasaran.name = required(e.name(), "name");
        sasaran.ordinal = e.ordinal();
        sasaran.revision = e.revision();
        sasaran.persist();
    }

    public void apply(ConsumedEvents.IndicatorUpserted e, OffsetDateTime time) {
        UUID id = uuid(e.indicatorId(), "indicatorId");
        RmIndicator indicator = RmIndicator.findById(id);
        UUID previousSasaran = null;
        if (indicator == null) {
            indicator = new RmIndicator();
            indicator.indicatorId = id;
        } else if (indicator.revision >= e.revision()) {
            return;
        } else {
            previousSasaran = indicator.sasaranId;
        }
        indicator.agencyCode = required(e.agencyCode(), "agencyCode");
        indicator.sasaranId = uuid(e.sasaranId(), "sasaranId");
        indicator.code = required(e.code(), "code");
        indicator.name = required(e.name(), "name");
        indicator.unit = required(e.unit(), "unit");
        indicator.polarity = Polarity.of(required(e.polarity(), "polarity")).toString();
        indicator.revision = e.revision();
        indicator.eventTime = time;
        indicator.persist();
        // polarity or sasaran may have changed: every year of this indicator, and the sasaran it left
        recalculator.indicatorChanged(indicator.indicatorId, previousSasaran, time);
    }

    public void apply(ConsumedEvents.IndicatorDefined e, OffsetDateTime time) {
        UUID id = uuid(e.indicatorId(), "indicatorId");
        RmIndicatorDefinition definition = RmIndicatorDefinition.findById(id);
        if (definition == null) {
            definition = new RmIndicatorDefinition();
            definition.indicatorId = id;
        } else if (definition.revision >= e.revision()) {
            return;
        }
        definition.agencyCode = required(e.agencyCode(), "agencyCode");
        definition.sasaranCode = required(e.sasaranCode(), "sasaranCode");
        definition.code = required(e.code(), "code");
        Polarity polarity = Polarity.of(required(e.polarity(), "polarity"));
        definition.polarity = polarity.toString();
        definition.aggregation = Aggregation.of(e.aggregation()).toString();
        definition.decimals = e.decimals();
        if (e.weight() != null && e.weight().signum() < 0) {
            throw new IllegalArgumentException("weight is never negative");
        }
        definition.weight = e.weight();
        if (polarity == Polarity.ORDINAL && (e.scale() == null || e.scale().isEmpty())) {
            throw new IllegalArgumentException("an ordinal indicator has a scale");
        }
        definition.scale = e.scale() == null ? null : write(e.scale());
        definition.iku = e.iku();
        definition.revision = e.revision();
        definition.eventTime = time;
        definition.persist();
        recalculator.indicatorChanged(id, null, time);
    }

    public void apply(ConsumedEvents.TargetSet e, OffsetDateTime time) {
        UUID indicatorId = uuid(e.indicatorId(), "indicatorId");
        RmTarget target = target(indicatorId, e.year());
        if (target.id != null && target.revision >= e.revision()) {
            return;
        }
        target.kind = "number";
        target.value = Objects.requireNonNull(e.value(), "value");
        target.rangeLow = null;
        target.rangeHigh = null;
        target.level = null;
        target.revision = e.revision();
        target.eventTime = time;
        target.persist();
        recalculator.periodChanged(indicatorId, e.year(), time);
    }

    public void apply(ConsumedEvents.TargetDefined e, OffsetDateTime time) {
        UUID indicatorId = uuid(e.indicatorId(), "indicatorId");
        RmTarget target = target(indicatorId, e.year());
        if (target.id != null && target.revision > e.revision()) {
            return;
        }
        JsonNode value = e.target();
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("target.defined has no target");
        }
        String kind = required(e.kind(), "kind");
        target.value = null;
        target.rangeLow = null;
        target.rangeHigh = null;
        target.level = null;
        switch (kind) {
            case "number" -> {
                if (!value.isNumber()) {
                    throw new IllegalArgumentException("a number target is a number, not " + value);
                }
                target.value = value.decimalValue();
            }
            case "range" -> {
                if (!value.path("low").isNumber() || !value.path("high").isNumber()) {
                    throw new IllegalArgumentException("a range target is {low, high}, not " + value);
                }
                target.rangeLow = value.get("low").decimalValue();
                target.rangeHigh = value.get("high").decimalValue();
                if (target.rangeLow.compareTo(target.rangeHigh) > 0) {
                    throw new IllegalArgumentException("range low is above high");
                }
            }
            case "ordinal" -> {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException("an ordinal target is a level of the scale, not " + value);
                }
                target.level = value.asText();
            }
            default -> throw new IllegalArgumentException("unknown target kind '" + kind + "'");
        }
        target.kind = kind;
        target.revision = e.revision();
        target.eventTime = time;
        target.persist();
        recalculator.periodChanged(indicatorId, e.year(), time);
    }

    public void apply(ConsumedEvents.RealisasiRecorded e, OffsetDateTime time) {
        UUID indicatorId = uuid(e.indicatorId(), "indicatorId");
        String period = required(e.period(), "period");
        if (!period.matches("Y|Q[1-4]|M(0[1-9]|1[0-2])")) {
            throw new IllegalArgumentException("period '" + period + "' is none of Y, Q1..Q4, M01..M12");
        }
        RmRealisasi realisasi = RmRealisasi.find("indicatorId = ?1 and year = ?2 and period = ?3",
                indicatorId, e.year(), period).firstResult();
        if (realisasi == null) {
            realisasi = new RmRealisasi();
            realisasi.indicatorId = indicatorId;
            realisasi.year = e.year();
            realisasi.period = period;
        } else if (realisasi.revision >= e.revision()) {
            return;
        }
        realisasi.value = Objects.requireNonNull(e.value(), "value");
        realisasi.revision = e.revision();
        realisasi.updatesApplied++;
        realisasi.eventTime = time;
        realisasi.persist();
        recalculator.periodChanged(indicatorId, e.year(), time);
    }

    public void apply(ConsumedEvents.PolicyChanged e, OffsetDateTime time) {
        String agency = required(e.agencyCode(), "agencyCode");
        if (RmPolicy.count("agencyCode = ?1 and version = ?2", agency, e.version()) > 0) {
            return; // a version is never edited
        }
        // the domain checks the policy before it is stored: bands without gaps, a known cap
        List<RatingScale.Band> bands = Objects.requireNonNull(e.bands(), "bands").stream()
                .map(b -> new RatingScale.Band(b.from, b.to, b.label)).toList();
        CapaianPolicy policy = new CapaianPolicy(e.version(), new RatingScale(bands), e.cap(),
                CapaianPolicy.parse(CapaianPolicy.NegativeFormula.class, e.negativeFormula(), CapaianPolicy.NegativeFormula.TWO_T_MINUS_R),
                CapaianPolicy.parse(CapaianPolicy.ZeroTarget.class, e.zeroTarget(), CapaianPolicy.ZeroTarget.NOT_COMPUTABLE),
                CapaianPolicy.parse(CapaianPolicy.OrdinalNotMet.class, e.ordinalNotMet(), CapaianPolicy.OrdinalNotMet.ZERO),
                CapaianPolicy.parse(CapaianPolicy.CategoryBasis.class, e.categoryBasis(), CapaianPolicy.CategoryBasis.CAPPED),
                e.targetLabels() == null ? null : new CapaianPolicy.TargetLabels(e.targetLabels().below(),
                        e.targetLabels().met(), e.targetLabels().exceeded()));
        RmPolicy row = new RmPolicy();
        row.agencyCode = agency;
        row.version = policy.version();
        row.bands = write(bands);
        row.cap = policy.cap();
        row.negativeFormula = policy.negativeFormula().name();
        row.zeroTarget = policy.zeroTarget().name();
        row.ordinalNotMet = policy.ordinalNotMet().name();
        row.categoryBasis = policy.categoryBasis().name();
        if (policy.targetLabels() != null) {
            row.labelBelow = policy.targetLabels().below();
            row.labelMet = policy.targetLabels().met();
            row.labelExceeded = policy.targetLabels().exceeded();
        }
        row.eventTime = time;
        row.persist();
        Integer newest = RmPolicy.find("select max(version) from RmPolicy where agencyCode = ?1", agency)
                .project(Integer.class).firstResult();
        if (newest != null && newest == e.version()) {
            recalculator.agencyChanged(agency, time);
        }
    }

    public void apply(ConsumedEvents.SectionUpserted e, OffsetDateTime time) {
        if (!"renstra".equals(e.section())) {
            return; // profile, organisation, personnel: for the LKIP document, not for capaian
        }
        String agency = required(e.agencyCode(), "agencyCode");
        JsonNode content = Objects.requireNonNull(e.content(), "content");
        if (!content.path("startYear").isInt() || !content.path("endYear").isInt()) {
            throw new IllegalArgumentException("renstra content has no startYear/endYear");
        }
        int start = content.get("startYear").asInt();
        int end = content.get("endYear").asInt();
        if (start > end) {
            throw new IllegalArgumentException("renstra starts after it ends");
        }
        RmRenstra renstra = RmRenstra.findById(agency);
        if (renstra == null) {
            renstra = new RmRenstra();
            renstra.agencyCode = agency;
        } else if (renstra.revision >= e.revision()) {
            return;
        }
        renstra.code = content.path("code").isTextual() ? content.get("code").asText() : null;
        renstra.startYear = start;
        renstra.endYear = end;
        renstra.revision = e.revision();
        renstra.eventTime = time;
        renstra.persist();
    }

    public void apply(ConsumedEvents.BudgetLineUpserted e, OffsetDateTime time) {
        UUID id = uuid(e.lineId(), "lineId");
        RmBudgetLine line = RmBudgetLine.findById(id);
        if (line == null) {
            line = new RmBudgetLine();
            line.lineId = id;
        } else if (line.revision >= e.revision()) {
            return;
        }
        line.agencyCode = required(e.agencyCode(), "agencyCode");
        line.fiscalYear = e.fiscalYear();
        line.code = required(e.code(), "code");
        line.name = required(e.name(), "name");
        line.pagu = Objects.requireNonNull(e.pagu(), "pagu");
        line.realisasi = Objects.requireNonNull(e.realisasi(), "realisasi");
        line.revision = e.revision();
        line.eventTime = time;
        line.persist();
    }

    /**
     * A v2 line: its quarters summed the entries by date (a year total in the fourth), which is all
     * v2 says; the line's realisasi is known by nothing more (null) until a v3 of it comes.
     */
    public void apply(ConsumedEvents.BudgetLineChanged e, OffsetDateTime time) {
        applyLine(new ConsumedEvents.BudgetLineChangedV3(e.lineId(), e.agencyCode(), e.fiscalYear(), e.code(), e.name(),
                e.programCode(), e.programName(), e.kegiatanCode(), e.unitCode(), e.unitName(), e.fundingSource(),
                e.pagu(), e.realisasi(), e.rak(), e.realisasiByQuarter(), null, null, e.links(), e.revision()), time,
                quarters(e.realisasiByQuarter(), false, "realisasiByQuarter"));
    }

    /**
     * A v3 line. Known by month: four dated amounts; known by the year: four nulls (no quarter's
     * realisasi is known), anything else contradicts itself and is refused.
     */
    public void apply(ConsumedEvents.BudgetLineChangedV3 e, OffsetDateTime time) {
        String knownBy = required(e.realisasiKnownBy(), "realisasiKnownBy");
        BigDecimal undated = Objects.requireNonNull(e.realisasiUndated(), "realisasiUndated");
        if (undated.signum() < 0) {
            throw new IllegalArgumentException("realisasiUndated is negative");
        }
        List<BigDecimal> byQuarter = e.realisasiByQuarter();
        if (byQuarter == null || byQuarter.size() != 4) {
            throw new IllegalArgumentException("realisasiByQuarter has four elements, one per quarter");
        }
        if (RmBudgetLine.KNOWN_BY_MONTH.equals(knownBy)) {
            if (undated.signum() != 0 || byQuarter.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("a realisasi known by month has every quarter's amount and "
                        + "nothing undated");
            }
        } else if (RmBudgetLine.KNOWN_BY_YEAR.equals(knownBy)) {
            if (undated.signum() == 0 || byQuarter.stream().anyMatch(Objects::nonNull)) {
                throw new IllegalArgumentException("a realisasi known by the year has an undated part and no "
                        + "quarter's amount");
            }
        } else {
            throw new IllegalArgumentException("realisasiKnownBy is month or year, not '" + knownBy + "'");
        }
        applyLine(e, time, write(byQuarter));
    }

    private void applyLine(ConsumedEvents.BudgetLineChangedV3 e, OffsetDateTime time, String realisasiByQuarter) {
        UUID id = uuid(e.lineId(), "lineId");
        RmBudgetLine line = RmBudgetLine.findById(id);
        if (line == null) {
            line = new RmBudgetLine();
            line.lineId = id;
        } else if (line.revision > e.revision()) {
            return;
        }
        line.agencyCode = required(e.agencyCode(), "agencyCode");
        line.fiscalYear = e.fiscalYear();
        line.code = required(e.code(), "code");
        line.name = required(e.name(), "name");
        line.programCode = e.programCode();
        line.programName = e.programName();
        line.kegiatanCode = e.kegiatanCode();
        line.unitCode = e.unitCode();
        line.unitName = e.unitName();
        line.fundingSource = e.fundingSource();
        line.pagu = Objects.requireNonNull(e.pagu(), "pagu");
        line.realisasi = Objects.requireNonNull(e.realisasi(), "realisasi");
        // a quarter without a cash plan comes as null (budget sends four nulls for a line without one)
        line.rak = quarters(e.rak(), true, "rak");
        line.realisasiByQuarter = realisasiByQuarter;
        line.realisasiKnownBy = e.realisasiKnownBy();
        line.realisasiUndated = e.realisasiUndated();
        line.revision = e.revision();
        line.eventTime = time;
        line.persist();
        RmBudgetLink.delete("lineId", id);
        if (e.links() != null) {
            // one row per distinct (sasaran, indicator): a repeated link must not count a line twice
            e.links().stream().distinct().forEach(l -> {
                RmBudgetLink link = new RmBudgetLink();
                link.lineId = id;
                link.sasaranCode = required(l.sasaranCode(), "links.sasaranCode");
                link.indicatorCode = l.indicatorCode();
                link.persist();
            });
        }
    }

    private String quarters(List<BigDecimal> amounts, boolean nullable, String field) {
        if (amounts == null || amounts.isEmpty()) {
            return null;
        }
        if (amounts.size() != 4 || !nullable && amounts.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(field + " has four amounts, one per quarter");
        }
        return write(amounts);
    }

    private static RmTarget target(UUID indicatorId, int year) {
        RmTarget target = RmTarget.find("indicatorId = ?1 and year = ?2", indicatorId, year).firstResult();
        if (target == null) {
            target = new RmTarget();
            target.indicatorId = indicatorId;
            target.year = year;
        }
        return target;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("event data has no '" + field + "'");
        }
        return value;
    }

    static UUID uuid(String value, String field) {
        return UUID.fromString(required(value, field));
    }
}
