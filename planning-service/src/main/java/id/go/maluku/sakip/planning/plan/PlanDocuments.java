package id.go.maluku.sakip.planning.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.planning.domain.Agency;
import id.go.maluku.sakip.planning.domain.Aggregation;
import id.go.maluku.sakip.planning.domain.CapaianPolicy;
import id.go.maluku.sakip.planning.domain.Indicator;
import id.go.maluku.sakip.planning.domain.PerjanjianKinerja;
import id.go.maluku.sakip.planning.domain.PkItem;
import id.go.maluku.sakip.planning.domain.PlanSection;
import id.go.maluku.sakip.planning.domain.Province;
import id.go.maluku.sakip.planning.domain.Removal;
import id.go.maluku.sakip.planning.domain.RatingScale;
import id.go.maluku.sakip.planning.domain.Sasaran;
import id.go.maluku.sakip.planning.domain.Target;
import id.go.maluku.sakip.planning.domain.TargetValue;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.planning.event.PlanContentEvents;
import id.go.maluku.sakip.planning.event.RemovalEvents;
import id.go.maluku.sakip.platform.outbox.OutboxWriter;
import id.go.maluku.sakip.planning.service.PlanElements;
import id.go.maluku.sakip.planning.service.Renstra;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports and exports an agency's whole plan as one document. An import checks the whole
 * document first and refuses it whole, listing every element at fault with its path; an
 * accepted one is applied as upserts by code in one transaction, publishing an event for every
 * element that changed and none for the rest. A dry run does the same and rolls back. The parts
 * with a life of their own after the import (the Perjanjian Kinerja's versions and signature,
 * the capaian policy's versions) are written here too. Single elements (an agency, a sasaran, an
 * indicator, a target) are {@link id.go.maluku.sakip.planning.service.PlanElements}'.
 */
@ApplicationScoped
@Transactional
public class PlanDocuments {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PlanChange", requiredProperties = {"path", "action"})
    public record Change(String path, String action) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(requiredProperties = {"dryRun", "counts", "changes"})
    public record ImportReport(boolean dryRun, Map<String, Integer> counts, List<Change> changes) {
    }

    @Inject
    PlanElements planning;

    @Inject
    OutboxWriter outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionManager transactions;

    public ImportReport importPlan(String agencyCode, PlanDocument doc, boolean dryRun) throws Exception {
        return importPlan(agencyCode, doc, dryRun, true);
    }

    /**
     * As {@link #importPlan(String, PlanDocument, boolean)}; without {@code provinceWrites} (a
     * token that is not the province's admin) the document may neither create the agency nor
     * create or change the province's RPJMD (the governor's visi and misi, shared by every
     * agency): either is refused (403) before anything is checked or written. A province part
     * equal to the stored one, as an export carries it, is accepted and changes nothing.
     */
    public ImportReport importPlan(String agencyCode, PlanDocument doc, boolean dryRun, boolean provinceWrites)
            throws Exception {
        if (doc == null) {
            throw ApiProblem.invalid("body", "a plan document is required");
        }
        Map<String, Province.Misi> governorMisi = new LinkedHashMap<>();
        Agency existing = Agency.findByCode(agencyCode).orElse(null);
        if (!provinceWrites) {
            if (existing == null) {
                throw new ForbiddenException("agency '" + agencyCode + "' does not exist; creating an agency is "
                        + "the province's (admin)");
            }
            if (doc.province() != null && !provinceUnchanged(doc.province())) {
                throw new ForbiddenException("the province's RPJMD (the governor's visi and misi) is changed by the "
                        + "province (admin) only; leave 'province' out of the document or as it is");
            }
        }
        String provinceCode = doc.agency() != null && doc.agency().province() != null ? doc.agency().province()
                : existing != null ? existing.provinceCode : null;
        if (doc.province() == null && provinceCode != null) {
            Province province = Province.findById(provinceCode);
            if (province != null && province.misi != null) {
                province.misi.forEach(m -> governorMisi.put(m.code(), m));
            }
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>(PlanValidator.validate(agencyCode, doc, governorMisi));
        if (existing == null && (doc.agency() == null || doc.agency().name() == null)) {
            errors.add(new ApiProblem.FieldError("agency.name", "agency '" + agencyCode + "' does not exist yet: its name is required"));
        }
        if (doc.agency() != null && doc.agency().province() != null && doc.province() == null
                && Province.findById(doc.agency().province()) == null) {
            errors.add(new ApiProblem.FieldError("agency.province", "province '" + doc.agency().province() + "' does not exist"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, "Invalid plan document", errors.size() + " element(s) of the document are rejected; nothing was changed", errors);
        }

        List<Change> changes = new ArrayList<>();
        if (doc.province() != null) {
            changes.add(new Change("province", upsertProvince(doc.province())));
            provinceCode = doc.province().code();
        }
        String name = doc.agency() != null && doc.agency().name() != null ? doc.agency().name() : existing.name;
        PlanElements.Upserted<Agency> agency = planning.upsertAgency(agencyCode, name, provinceCode);
        changes.add(new Change("agency", action(agency)));

        section(agency.entity(), PlanSection.PROFILE, doc.profile(), changes);
        section(agency.entity(), PlanSection.ORGANISATION, doc.organisation(), changes);
        section(agency.entity(), PlanSection.PERSONNEL, doc.personnel(), changes);
        section(agency.entity(), PlanSection.RENSTRA, doc.renstra(), changes);

        List<PlanDocument.SasaranPart> sasaran = doc.sasaran() == null ? List.of() : doc.sasaran();
        for (int i = 0; i < sasaran.size(); i++) {
            PlanDocument.SasaranPart s = sasaran.get(i);
            changes.add(new Change("sasaran[" + i + "]", action(planning.upsertSasaran(agencyCode, s.code(), s.name(),
                    s.ordinal() == null ? i + 1 : s.ordinal(), s.tujuan()))));
        }
        List<PlanDocument.IndicatorPart> indicators = doc.indicators() == null ? List.of() : doc.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            PlanDocument.IndicatorPart d = indicators.get(i);
            PlanElements.Upserted<Indicator> indicator = planning.upsertIndicator(agencyCode, d.code(),
                    new PlanElements.IndicatorDefinition(d.sasaran(), d.name(), d.unit(), d.polarity(),
                            Boolean.TRUE.equals(d.iku()), d.formula(), d.numerator(), d.denominator(), d.dataSource(),
                            d.responsibleUnit(), d.aggregation() == null ? Aggregation.DEFAULT : d.aggregation(),
                            d.decimals() == null ? Indicator.DEFAULT_DECIMALS : d.decimals(), d.weight(), d.scale()));
            changes.add(new Change("indicators[" + i + "]", action(indicator)));
            Map<String, JsonNode> targets = d.targets() == null ? Map.of() : new TreeMap<>(d.targets());
            for (Map.Entry<String, JsonNode> target : targets.entrySet()) {
                TargetValue value = TargetValue.parse(d.polarity(), d.scale(), target.getValue());
                changes.add(new Change("indicators[" + i + "].targets." + target.getKey(), action(
                        planning.setTarget(indicator.entity(), Integer.parseInt(target.getKey()), value))));
            }
        }
        List<PlanDocument.PkPart> pks = doc.perjanjianKinerja() == null ? List.of() : doc.perjanjianKinerja();
        for (int i = 0; i < pks.size(); i++) {
            changes.add(new Change("perjanjianKinerja[" + i + "]", upsertPk(agency.entity(), pks.get(i), "perjanjianKinerja[" + i + "]")));
        }
        if (doc.capaianPolicy() != null) {
            changes.add(new Change("capaianPolicy", setPolicy(agency.entity(), doc.capaianPolicy())));
        }

        if (dryRun) {
            // Everything above ran, so the report is exact; none of it is kept, no event leaves.
            transactions.setRollbackOnly();
        }
        Map<String, Integer> counts = new TreeMap<>();
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        return new ImportReport(dryRun, counts, changes);
    }

    private static String action(PlanElements.Upserted<?> upserted) {
        return upserted.created() ? "created" : upserted.changed() ? "updated" : "unchanged";
    }

    /** Whether the part names a stored province and states it exactly as it is. */
    boolean provinceUnchanged(PlanDocument.ProvincePart p) {
        Province province = p.code() == null ? null : Province.findById(p.code());
        return province != null && same(province, p);
    }

    private static boolean same(Province province, PlanDocument.ProvincePart p) {
        List<Province.Misi> misi = p.misi() == null ? List.of() : p.misi();
        return Objects.equals(province.name, p.name()) && Objects.equals(province.rpjmdStart, p.rpjmdStart())
                && Objects.equals(province.rpjmdEnd, p.rpjmdEnd()) && Objects.equals(province.visi, p.visi())
                && Objects.equals(province.misi, misi);
    }

    String upsertProvince(PlanDocument.ProvincePart p) {
        Province province = Province.findById(p.code());
        boolean created = province == null;
        List<Province.Misi> misi = p.misi() == null ? List.of() : p.misi();
        if (created) {
            province = new Province();
            province.code = p.code();
        } else if (same(province, p)) {
            return "unchanged";
        }
        province.name = p.name();
        province.rpjmdStart = p.rpjmdStart();
        province.rpjmdEnd = p.rpjmdEnd();
        province.visi = p.visi();
        province.misi = misi;
        province.revision++;
        province.persist();
        outbox.publish("province", province.code, PlanContentEvents.PROVINCE_UPSERTED,
                new PlanContentEvents.ProvinceUpsertedV1(province.code, province.name, province.rpjmdStart,
                        province.rpjmdEnd, province.visi, province.misi == null ? null : province.misi.stream()
                        .map(m -> new PlanContentEvents.MisiV1(m.code(), m.text())).toList(), province.revision));
        return created ? "created" : "updated";
    }

    private void section(Agency agency, String name, Object part, List<Change> changes) {
        if (part == null) {
            return;
        }
        changes.add(new Change(name, planning.storeSection(agency, name, mapper.valueToTree(part))));
    }

    /** One version through its own endpoint, checked like a document holding only it. */
    public String importPlan(String agencyCode, PlanDocument.PkPart part) {
        Agency agency = planning.agency(agencyCode);
        List<PlanDocument.SasaranPart> sasaran = planning.sasaran(agencyCode).stream()
                .map(s -> new PlanDocument.SasaranPart(s.code, s.name, s.ordinal, s.tujuanCode)).toList();
        List<PlanDocument.IndicatorPart> indicators = planning.indicators(agencyCode).stream()
                .map(i -> new PlanDocument.IndicatorPart(i.code, i.sasaran.code, i.name, i.unit, i.polarity, i.iku, null,
                        null, null, null, null, null, null, null, i.scale, null)).toList();
        PlanDocument doc = new PlanDocument(null, null, null, null, null, null, null, sasaran, indicators, List.of(part), null);
        List<ApiProblem.FieldError> errors = PlanValidator.validate(agencyCode, doc, Map.of());
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, "Invalid Perjanjian Kinerja", errors.size() + " element(s) rejected; nothing was changed",
                    errors.stream().map(e -> new ApiProblem.FieldError(e.field().replace("perjanjianKinerja[0].", ""), e.message())).toList());
        }
        Renstra.checkYear(agency, part.year(), "year");
        return upsertPk(agency, part, "version");
    }

    String upsertPk(Agency agency, PlanDocument.PkPart part, String path) {
        int version = part.version() == null ? 1 : part.version();
        PerjanjianKinerja pk = PerjanjianKinerja.<PerjanjianKinerja>find("agency = ?1 and year = ?2 and version = ?3",
                agency, part.year(), version).firstResult();
        Map<String, Indicator> indicators = Indicator.<Indicator>list("agency", agency).stream()
                .collect(Collectors.toMap(i -> i.code, Function.identity()));
        List<PkItem> wanted = new ArrayList<>();
        List<PlanDocument.PkItemPart> items = part.items() == null ? List.of() : part.items();
        for (int i = 0; i < items.size(); i++) {
            PlanDocument.PkItemPart item = items.get(i);
            Indicator indicator = indicators.get(item.indicator());
            if (indicator == null) {
                throw ApiProblem.invalid(path + ".items[" + i + "].indicator", "no indicator '" + item.indicator() + "'");
            }
            PkItem pkItem = new PkItem();
            pkItem.ordinal = i + 1;
            pkItem.sasaranCode = item.sasaran();
            pkItem.indicatorCode = item.indicator();
            pkItem.target = TargetValue.parse(indicator.polarity, indicator.scale, item.target()).toJson();
            wanted.add(pkItem);
        }
        PerjanjianKinerja.Kind kind = part.kind() != null ? PerjanjianKinerja.Kind.valueOf(part.kind().toUpperCase(Locale.ROOT))
                : version == 1 ? PerjanjianKinerja.Kind.ORIGINAL : PerjanjianKinerja.Kind.REVISED;
        LocalDate signedAt = part.signedAt() == null ? null : LocalDate.parse(part.signedAt());
        boolean created = pk == null;
        if (!created) {
            boolean same = sameItems(pk.items, wanted) && pk.kind == kind && Objects.equals(pk.signedAt, signedAt)
                    && Objects.equals(pk.signedBy, part.signedBy());
            if (same) {
                return "unchanged";
            }
            if (pk.signed()) {
                throw new ApiProblem(409, "Conflict", "version " + version + " of the " + part.year()
                        + " Perjanjian Kinerja is signed and cannot change; add a new version instead",
                        List.of(new ApiProblem.FieldError(path + ".version", "signed on " + pk.signedAt)));
            }
        } else {
            Removal.Identity identity = Removal.restore(agency, Removal.PK, Removal.pk(part.year(), version));
            pk = new PerjanjianKinerja();
            pk.id = identity.id();
            pk.revision = identity.revision();
            pk.agency = agency;
            pk.year = part.year();
            pk.version = version;
        }
        pk.kind = kind;
        pk.signedAt = signedAt;
        pk.signedBy = part.signedBy();
        pk.items.clear();
        if (!created) {
            pk.persistAndFlush(); // orphans go before their replacements, which reuse the codes
        }
        for (PkItem item : wanted) {
            item.id = UUID.randomUUID();
            item.pk = pk;
            pk.items.add(item);
        }
        pk.revision++;
        pk.persist();
        publishPk(pk);
        return created ? "created" : "updated";
    }

    /** 19 read back from JSON storage and 19.0000 parsed from a document are the same target. */
    private static final java.util.Comparator<JsonNode> NUMBERS_BY_VALUE = (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return x.equals(y) ? 0 : 1;
    };

    private static boolean sameItems(List<PkItem> current, List<PkItem> wanted) {
        if (current.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < current.size(); i++) {
            PkItem a = current.get(i);
            PkItem b = wanted.get(i);
            if (!a.sasaranCode.equals(b.sasaranCode) || !a.indicatorCode.equals(b.indicatorCode)
                    || !a.target.equals(NUMBERS_BY_VALUE, b.target)) {
                return false;
            }
        }
        return true;
    }

    void publishPk(PerjanjianKinerja pk) {
        outbox.publish("agency", pk.agency.id.toString(), PlanContentEvents.PK_CHANGED,
                new PlanContentEvents.PkChangedV1(pk.id.toString(), pk.agency.code, pk.year, pk.version,
                        pk.kind.name().toLowerCase(Locale.ROOT), pk.signedAt == null ? null : pk.signedAt.toString(),
                        pk.signedBy, pk.items.stream().map(i -> new PlanContentEvents.PkItemV1(i.sasaranCode,
                        i.indicatorCode, i.target)).toList(), pk.revision));
    }

    /** Signs the latest version of a year; a signed version never changes again. */
    public PerjanjianKinerja sign(String agencyCode, int year, int version, LocalDate date, String signedBy) {
        PerjanjianKinerja pk = version(agencyCode, year, version);
        if (pk.signed()) {
            throw ApiProblem.conflict("version " + version + " of the " + year + " Perjanjian Kinerja is already signed");
        }
        if (pk.items.isEmpty()) {
            throw ApiProblem.invalid("items", "a Perjanjian Kinerja without items cannot be signed");
        }
        pk.signedAt = date;
        pk.signedBy = signedBy;
        pk.revision++;
        publishPk(pk);
        return pk;
    }

    /** A PK perubahan: a new unsigned version copying the latest one, which stays as it was. */
    public PerjanjianKinerja revise(String agencyCode, int year) {
        Agency agency = planning.agency(agencyCode);
        PerjanjianKinerja latest = PerjanjianKinerja.latest(agency, year)
                .orElseThrow(() -> ApiProblem.notFound("Perjanjian Kinerja of", String.valueOf(year)));
        if (!latest.signed()) {
            throw ApiProblem.conflict("version " + latest.version + " of " + year + " is not signed yet: change it instead");
        }
        Removal.Identity identity = Removal.restore(agency, Removal.PK, Removal.pk(year, latest.version + 1));
        PerjanjianKinerja next = new PerjanjianKinerja();
        next.id = identity.id();
        next.agency = agency;
        next.year = year;
        next.version = latest.version + 1;
        next.kind = PerjanjianKinerja.Kind.REVISED;
        for (PkItem item : latest.items) {
            PkItem copy = new PkItem();
            copy.id = UUID.randomUUID();
            copy.pk = next;
            copy.ordinal = item.ordinal;
            copy.sasaranCode = item.sasaranCode;
            copy.indicatorCode = item.indicatorCode;
            copy.target = item.target.deepCopy();
            next.items.add(copy);
        }
        next.revision = identity.revision() + 1;
        next.persist();
        publishPk(next);
        return next;
    }

    /**
     * Removes an unsigned version (a draft, or a perubahan not yet signed); a signed version never
     * changes, so removing it is a 409.
     */
    public void removeVersion(String agencyCode, int year, int version) {
        PerjanjianKinerja pk = version(agencyCode, year, version);
        if (pk.signed()) {
            throw new ApiProblem(409, "Conflict", "version " + version + " of the " + year + " Perjanjian Kinerja was "
                    + "signed on " + pk.signedAt + " and never changes; start a PK perubahan (POST .../revisions) instead",
                    List.of(new ApiProblem.FieldError("version", "signed on " + pk.signedAt)));
        }
        long revision = pk.revision + 1;
        pk.delete();
        Removal.record(pk.agency, Removal.PK, Removal.pk(year, version), pk.id, revision);
        outbox.publish("agency", pk.agency.id.toString(), RemovalEvents.PK_REMOVED,
                new RemovalEvents.PkRemovedV1(pk.id.toString(), pk.agency.code, year, version, revision));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PerjanjianKinerja version(String agencyCode, int year, int version) {
        Agency agency = planning.agency(agencyCode);
        return PerjanjianKinerja.<PerjanjianKinerja>find("agency = ?1 and year = ?2 and version = ?3", agency, year, version)
                .firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("Perjanjian Kinerja " + year + " version", String.valueOf(version)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PerjanjianKinerja> versions(String agencyCode, int year) {
        return PerjanjianKinerja.versions(planning.agency(agencyCode), year);
    }

    public String setPolicy(Agency agency, PlanDocument.PolicyPart part) {
        List<String> problems = RatingScale.problems(part.bands());
        if (!problems.isEmpty()) {
            throw new ApiProblem(400, "Invalid rating scale", String.join("; ", problems), problems.stream()
                    .map(p -> new ApiProblem.FieldError(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 2)))
                    .toList());
        }
        if (part.cap() != null && PlanValidator.CAPS.stream().noneMatch(c -> c.compareTo(part.cap()) == 0)) {
            throw ApiProblem.invalid("cap", "one of 100, 110, 120, 150, or none");
        }
        List<String> basisProblems = part.basisProblems();
        if (!basisProblems.isEmpty()) {
            throw new ApiProblem(400, "Invalid capaian policy", String.join("; ", basisProblems), basisProblems.stream()
                    .map(p -> new ApiProblem.FieldError(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 2)))
                    .toList());
        }
        CapaianPolicy.CategoryBasis basis = part.categoryBasis() == null ? CapaianPolicy.CategoryBasis.CAPPED : part.categoryBasis();
        CapaianPolicy.TargetLabels labels = part.effectiveLabels();
        CapaianPolicy current = CapaianPolicy.current(agency).orElse(null);
        CapaianPolicy.NegativeFormula negative = part.negativeFormula() == null ? CapaianPolicy.NegativeFormula.TWO_T_MINUS_R : part.negativeFormula();
        CapaianPolicy.ZeroTarget zero = part.zeroTarget() == null ? CapaianPolicy.ZeroTarget.NOT_COMPUTABLE : part.zeroTarget();
        CapaianPolicy.OrdinalNotMet ordinal = part.ordinalNotMet() == null ? CapaianPolicy.OrdinalNotMet.ZERO : part.ordinalNotMet();
        if (current != null && sameBands(current.bands, part.bands()) && sameCap(current.cap, part.cap())
                && current.negativeFormula == negative && current.zeroTarget == zero && current.ordinalNotMet == ordinal
                && current.categoryBasis == basis && java.util.Objects.equals(current.targetLabels, labels)) {
            return "unchanged";
        }
        CapaianPolicy policy = new CapaianPolicy();
        policy.id = UUID.randomUUID();
        policy.agency = agency;
        policy.version = current == null ? 1 : current.version + 1;
        policy.bands = part.bands();
        policy.cap = part.cap();
        policy.negativeFormula = negative;
        policy.zeroTarget = zero;
        policy.ordinalNotMet = ordinal;
        policy.categoryBasis = basis;
        policy.targetLabels = labels;
        policy.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        policy.persist();
        outbox.publish("agency", agency.id.toString(), PlanContentEvents.POLICY_CHANGED,
                new PlanContentEvents.PolicyChangedV2(agency.code, policy.version, policy.bands == null ? null
                        : policy.bands.stream().map(b -> new PlanContentEvents.BandV1(b.from(), b.to(), b.label())).toList(),
                        policy.cap, negative.name(), zero.name(), ordinal.name(), basis.name(), labels == null ? null
                        : new PlanContentEvents.TargetLabelsV1(labels.below(), labels.met(), labels.exceeded())));
        return current == null ? "created" : "updated";
    }

    private static boolean sameCap(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean sameBands(List<RatingScale.Band> a, List<RatingScale.Band> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameCap(a.get(i).from(), b.get(i).from()) || !sameCap(a.get(i).to(), b.get(i).to())
                    || !Objects.equals(a.get(i).label(), b.get(i).label())) {
                return false;
            }
        }
        return true;
    }

    /** The whole plan, in the format the import takes: exporting and importing it again changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanDocument export(String agencyCode) throws Exception {
        Agency agency = planning.agency(agencyCode);
        Province province = agency.provinceCode == null ? null : Province.findById(agency.provinceCode);
        List<Sasaran> sasaran = planning.sasaran(agencyCode);
        List<PlanDocument.IndicatorPart> indicators = new ArrayList<>();
        for (Indicator i : planning.indicators(agencyCode)) {
            Map<String, JsonNode> targets = new TreeMap<>();
            for (Target t : Target.<Target>list("indicator", Sort.by("year"), i)) {
                targets.put(String.valueOf(t.year), new TargetValue(t.value, t.rangeLow, t.rangeHigh, t.ordinalValue).toJson());
            }
            indicators.add(new PlanDocument.IndicatorPart(i.code, i.sasaran.code, i.name, i.unit, i.polarity, i.iku,
                    i.formula, i.numerator, i.denominator, i.dataSource, i.responsibleUnit, i.aggregation, i.decimals,
                    i.weight == null ? null : TargetValue.plain(i.weight), i.scale, targets));
        }
        List<PlanDocument.PkPart> pks = PerjanjianKinerja.<PerjanjianKinerja>list("agency = ?1 order by year, version", agency)
                .stream().map(pk -> new PlanDocument.PkPart(pk.year, pk.version, pk.kind.name().toLowerCase(Locale.ROOT),
                        pk.signedAt == null ? null : pk.signedAt.toString(), pk.signedBy,
                        pk.items.stream().map(i -> new PlanDocument.PkItemPart(i.sasaranCode, i.indicatorCode, i.target)).toList()))
                .toList();
        CapaianPolicy policy = CapaianPolicy.current(agency).orElse(null);
        return new PlanDocument(PlanDocument.FORMAT_VERSION,
                new PlanDocument.AgencyPart(agency.code, agency.name, agency.provinceCode),
                province == null ? null : new PlanDocument.ProvincePart(province.code, province.name, province.rpjmdStart,
                        province.rpjmdEnd, province.visi, province.misi),
                read(agency, PlanSection.PROFILE, PlanDocument.Profile.class),
                read(agency, PlanSection.ORGANISATION, PlanDocument.Organisation.class),
                read(agency, PlanSection.PERSONNEL, PlanDocument.Personnel.class),
                read(agency, PlanSection.RENSTRA, PlanDocument.Renstra.class),
                sasaran.stream().map(s -> new PlanDocument.SasaranPart(s.code, s.name, s.ordinal, s.tujuanCode)).toList(),
                indicators, pks,
                policy == null ? null : new PlanDocument.PolicyPart(policy.bands, TargetValue.plain(policy.cap), policy.negativeFormula,
                        policy.zeroTarget, policy.ordinalNotMet,
                        policy.categoryBasis, policy.targetLabels));
    }

    private <T> T read(Agency agency, String section, Class<T> type) throws Exception {
        PlanSection stored = PlanSection.find(agency, section).orElse(null);
        return stored == null ? null : mapper.treeToValue(stored.content, type);
    }
}
