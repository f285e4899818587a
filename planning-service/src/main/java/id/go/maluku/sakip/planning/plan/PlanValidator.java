package id.go.maluku.sakip.planning.plan;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.planning.domain.PersonnelTable;
import id.go.maluku.sakip.planning.domain.Polarity;
import id.go.maluku.sakip.planning.domain.Province;
import id.go.maluku.sakip.planning.domain.RatingScale;
import id.go.maluku.sakip.planning.domain.TargetValue;
import id.go.maluku.sakip.platform.error.ApiProblem.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a plan document on its own, before anything is written, and lists every element at
 * fault with its path (e.g. {@code indicators[2].targets.2031}). Plain Java: what depends on the
 * stored plan (signed Perjanjian Kinerja versions) is checked by the importer.
 */
public final class PlanValidator {

    public static final Set<String> UNIT_TYPES =
            Set.of("HEAD_OFFICE", "SECRETARIAT", "BIDANG", "SUB_UNIT", "UPTD", "SERVICE_UNIT", "OTHER");
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Set<BigDecimal> CAPS = Set.of(new BigDecimal("100"), new BigDecimal("110"), new BigDecimal("120"),
            new BigDecimal("150"));

    private final List<FieldError> errors = new ArrayList<>();

    private PlanValidator() {
    }

    public static List<FieldError> validate(String agencyCode, PlanDocument doc, Map<String, Province.Misi> knownGovernorMisi) {
        PlanValidator v = new PlanValidator();
        v.check(agencyCode, doc, knownGovernorMisi);
        return v.errors;
    }

    private void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    private boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // What one part of the document says that a later part refers to, filled in reading order.
    private Set<String> governorMisi = new HashSet<>();
    private final Set<String> agencyMisi = new HashSet<>();
    private final Set<String> tujuan = new HashSet<>();
    private final Set<String> sasaran = new HashSet<>();
    private final Map<String, PlanDocument.IndicatorPart> indicators = new HashMap<>();
    private Integer startYear;
    private Integer endYear;

    /** Part by part, in the document's order: a part may refer only to what an earlier part defines. */
    private void check(String agencyCode, PlanDocument doc, Map<String, Province.Misi> knownGovernorMisi) {
        header(agencyCode, doc);
        governorMisi = new HashSet<>(knownGovernorMisi.keySet());
        if (doc.province() != null) {
            province(doc.province());
        }
        if (doc.profile() != null) {
            profile(doc.profile());
        }
        if (doc.organisation() != null) {
            organisation(doc.organisation().units() == null ? List.of() : doc.organisation().units());
        }
        if (doc.personnel() != null) {
            personnel(doc.personnel());
            personnelUnits(doc);
        }
        if (doc.renstra() != null) {
            renstra(doc.renstra(), doc.profile() != null);
        }
        sasaranParts(doc.sasaran() == null ? List.of() : doc.sasaran(), doc.renstra() != null);
        List<PlanDocument.IndicatorPart> indicatorList = doc.indicators() == null ? List.of() : doc.indicators();
        for (int i = 0; i < indicatorList.size(); i++) {
            indicator("indicators[" + i + "]", indicatorList.get(i), sasaran, indicators, startYear, endYear);
        }
        List<PlanDocument.PkPart> pks = doc.perjanjianKinerja() == null ? List.of() : doc.perjanjianKinerja();
        Set<String> pkVersions = new HashSet<>();
        for (int i = 0; i < pks.size(); i++) {
            pk("perjanjianKinerja[" + i + "]", pks.get(i), sasaran, indicators, startYear, endYear, pkVersions);
        }
        if (doc.capaianPolicy() != null) {
            policy(doc.capaianPolicy());
        }
    }

    /** The format, and the agency the document is imported into. */
    private void header(String agencyCode, PlanDocument doc) {
        if (doc.formatVersion() != null && doc.formatVersion() != PlanDocument.FORMAT_VERSION) {
            error("formatVersion", "this service reads format " + PlanDocument.FORMAT_VERSION);
        }
        if (doc.agency() != null) {
            if (doc.agency().code() != null && !doc.agency().code().equals(agencyCode)) {
                error("agency.code", "is '" + doc.agency().code() + "' but the document is imported into '" + agencyCode + "'");
            }
            if (blank(doc.agency().name())) {
                error("agency.name", "required");
            }
        }
    }

    /** The province and its governor's misi: given here, they replace the known ones for the profile's references. */
    private void province(PlanDocument.ProvincePart p) {
        if (blank(p.code()) || !CODE.matcher(p.code()).matches()) {
            error("province.code", "required: 1-64 letters, digits, '.', '_' or '-'");
        }
        if (blank(p.name())) {
            error("province.name", "required");
        }
        period("province", p.rpjmdStart(), p.rpjmdEnd());
        governorMisi = new HashSet<>();
        List<Province.Misi> misi = p.misi() == null ? List.of() : p.misi();
        for (int i = 0; i < misi.size(); i++) {
            Province.Misi m = misi.get(i);
            if (m == null || blank(m.code()) || blank(m.text())) {
                error("province.misi[" + i + "]", "code and text are required");
            } else if (!governorMisi.add(m.code())) {
                error("province.misi[" + i + "].code", "duplicate code '" + m.code() + "'");
            }
        }
    }

    /** The agency's head, legal basis, functions, strategic issues and misi (each misi serving the governor's). */
    private void profile(PlanDocument.Profile profile) {
        if (profile.head() != null && profile.head().nip() != null
                && !profile.head().nip().replace(" ", "").matches("\\d{18}")) {
            error("profile.head.nip", "a NIP has 18 digits (spaces allowed)");
        }
        list("profile.legalBasis", profile.legalBasis());
        list("profile.functions", profile.functions());
        List<PlanDocument.IssueGroup> issues = profile.strategicIssues() == null ? List.of() : profile.strategicIssues();
        for (int i = 0; i < issues.size(); i++) {
            if (issues.get(i) == null || blank(issues.get(i).group())) {
                error("profile.strategicIssues[" + i + "].group", "required");
            } else {
                list("profile.strategicIssues[" + i + "].items", issues.get(i).items());
            }
        }
        List<PlanDocument.AgencyMisi> misi = profile.misi() == null ? List.of() : profile.misi();
        for (int i = 0; i < misi.size(); i++) {
            PlanDocument.AgencyMisi m = misi.get(i);
            String at = "profile.misi[" + i + "]";
            if (m == null || blank(m.code()) || blank(m.text())) {
                error(at, "code and text are required");
                continue;
            }
            if (!agencyMisi.add(m.code())) {
                error(at + ".code", "duplicate code '" + m.code() + "'");
            }
            for (String g : m.governorMisi() == null ? List.<String>of() : m.governorMisi()) {
                if (!governorMisi.contains(g)) {
                    error(at + ".governorMisi", "the governor has no misi '" + g + "'");
                }
            }
        }
    }

    /** A personnel table of a unit names one of the organisation's units. */
    private void personnelUnits(PlanDocument doc) {
        List<PlanDocument.PersonnelTablePart> tables = doc.personnel().tables() == null ? List.of() : doc.personnel().tables();
        for (int i = 0; i < tables.size(); i++) {
            PlanDocument.PersonnelTablePart t = tables.get(i);
            if (t != null && t.unit() != null && doc.organisation() != null && doc.organisation().units() != null
                    && doc.organisation().units().stream().noneMatch(u -> u != null && t.unit().equals(u.code()))) {
                error("personnel.tables[" + i + "].unit", "the organisation has no unit '" + t.unit() + "'");
            }
        }
    }

    /** The Renstra's period (which bounds every target year after it), its tujuan (serving the agency's misi) and lists. */
    private void renstra(PlanDocument.Renstra r, boolean profileGiven) {
        if (r.startYear() == null || r.endYear() == null) {
            error("renstra", "startYear and endYear are required");
        } else if (period("renstra", r.startYear(), r.endYear())) {
            startYear = r.startYear();
            endYear = r.endYear();
        }
        List<PlanDocument.Tujuan> list = r.tujuan() == null ? List.of() : r.tujuan();
        for (int i = 0; i < list.size(); i++) {
            PlanDocument.Tujuan t = list.get(i);
            String at = "renstra.tujuan[" + i + "]";
            if (t == null || blank(t.code()) || blank(t.text())) {
                error(at, "code and text are required");
                continue;
            }
            if (!tujuan.add(t.code())) {
                error(at + ".code", "duplicate code '" + t.code() + "'");
            }
            for (String m : t.misi() == null ? List.<String>of() : t.misi()) {
                if (profileGiven && !agencyMisi.contains(m)) {
                    error(at + ".misi", "the agency has no misi '" + m + "'");
                }
            }
        }
        list("renstra.strategi", r.strategi());
        list("renstra.kebijakan", r.kebijakan());
        list("renstra.arahKebijakan", r.arahKebijakan());
    }

    /** Each sasaran: a code once, a name, and (where the Renstra is given) one of its tujuan. */
    private void sasaranParts(List<PlanDocument.SasaranPart> sasaranList, boolean renstraGiven) {
        for (int i = 0; i < sasaranList.size(); i++) {
            PlanDocument.SasaranPart s = sasaranList.get(i);
            String at = "sasaran[" + i + "]";
            if (s == null || blank(s.code()) || !CODE.matcher(s.code()).matches()) {
                error(at + ".code", "required: 1-64 letters, digits, '.', '_' or '-'");
                continue;
            }
            if (!sasaran.add(s.code())) {
                error(at + ".code", "duplicate code '" + s.code() + "'");
            }
            if (blank(s.name())) {
                error(at + ".name", "required");
            }
            if (s.tujuan() != null && renstraGiven && !tujuan.contains(s.tujuan())) {
                error(at + ".tujuan", "the Renstra has no tujuan '" + s.tujuan() + "'");
            }
        }
    }

    /** The capaian policy: its bands, its cap, what its category is taken from. */
    private void policy(PlanDocument.PolicyPart p) {
        for (String problem : RatingScale.problems(p.bands())) {
            int colon = problem.indexOf(':');
            error("capaianPolicy." + problem.substring(0, colon), problem.substring(colon + 2));
        }
        if (p.cap() != null && CAPS.stream().noneMatch(c -> c.compareTo(p.cap()) == 0)) {
            error("capaianPolicy.cap", "one of 100, 110, 120, 150, or none");
        }
        for (String problem : p.basisProblems()) {
            int colon = problem.indexOf(':');
            error("capaianPolicy." + problem.substring(0, colon), problem.substring(colon + 2));
        }
    }

    private boolean period(String path, Integer start, Integer end) {
        if (start == null && end == null) {
            return false;
        }
        if (start == null || end == null || start < 2000 || end > 2100 || start > end) {
            error(path, "the period must be two years from 2000 to 2100, the first not after the second");
            return false;
        }
        return true;
    }

    private void list(String path, List<String> items) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (blank(items.get(i))) {
                error(path + "[" + i + "]", "an entry cannot be empty");
            }
        }
    }

    private void organisation(List<PlanDocument.Unit> units) {
        Map<String, String> parents = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            PlanDocument.Unit u = units.get(i);
            String at = "organisation.units[" + i + "]";
            if (u == null || blank(u.code()) || !CODE.matcher(u.code()).matches()) {
                error(at + ".code", "required: 1-64 letters, digits, '.', '_' or '-'");
                continue;
            }
            if (parents.containsKey(u.code())) {
                error(at + ".code", "duplicate code '" + u.code() + "'");
            }
            parents.put(u.code(), u.parent());
            if (blank(u.name())) {
                error(at + ".name", "required");
            }
            if (u.type() == null || !UNIT_TYPES.contains(u.type())) {
                error(at + ".type", "one of " + new java.util.TreeSet<>(UNIT_TYPES));
            }
        }
        for (int i = 0; i < units.size(); i++) {
            PlanDocument.Unit u = units.get(i);
            if (u == null || u.parent() == null) {
                continue;
            }
            if (!parents.containsKey(u.parent())) {
                error("organisation.units[" + i + "].parent", "no unit '" + u.parent() + "'");
                continue;
            }
            // walking up from a unit must end at a root, not come back to it
            Set<String> seen = new HashSet<>();
            String at = u.code();
            while (at != null && seen.add(at)) {
                at = parents.get(at);
            }
            if (at != null) {
                error("organisation.units[" + i + "].parent", "units form a cycle through '" + u.code() + "'");
            }
        }
    }

    private void personnel(PlanDocument.Personnel p) {
        if (p.asOf() != null) {
            date("personnel.asOf", p.asOf());
        }
        List<PlanDocument.UnitCount> byUnit = p.byUnit() == null ? List.of() : p.byUnit();
        for (int i = 0; i < byUnit.size(); i++) {
            PlanDocument.UnitCount c = byUnit.get(i);
            if (c == null || blank(c.unit()) || c.count() == null || c.count() < 0) {
                error("personnel.byUnit[" + i + "]", "a unit and a count of at least 0 are required");
            }
        }
        List<PlanDocument.PersonnelTablePart> tables = p.tables() == null ? List.of() : p.tables();
        for (int i = 0; i < tables.size(); i++) {
            PlanDocument.PersonnelTablePart t = tables.get(i);
            String at = "personnel.tables[" + i + "]";
            if (t == null || blank(t.title())) {
                error(at + ".title", "required");
                continue;
            }
            if (t.asOf() != null) {
                date(at + ".asOf", t.asOf());
            }
            for (String problem : PersonnelTable.problems(at, t.columns(), t.rows())) {
                int colon = problem.indexOf(':');
                error(problem.substring(0, colon), problem.substring(colon + 2));
            }
        }
    }

    private void date(String path, String value) {
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(path, "a date as yyyy-mm-dd");
        }
    }

    private void indicator(String at, PlanDocument.IndicatorPart ind, Set<String> sasaran,
                           Map<String, PlanDocument.IndicatorPart> seen, Integer startYear, Integer endYear) {
        if (ind == null || blank(ind.code()) || !CODE.matcher(ind.code()).matches()) {
            error(at + ".code", "required: 1-64 letters, digits, '.', '_' or '-'");
            return;
        }
        if (seen.put(ind.code(), ind) != null) {
            error(at + ".code", "duplicate code '" + ind.code() + "'");
        }
        if (blank(ind.sasaran())) {
            error(at + ".sasaran", "required");
        } else if (!sasaran.contains(ind.sasaran())) {
            error(at + ".sasaran", "the document has no sasaran '" + ind.sasaran() + "'");
        }
        if (blank(ind.name())) {
            error(at + ".name", "required");
        }
        if (blank(ind.unit())) {
            error(at + ".unit", "required");
        }
        if (ind.polarity() == null) {
            error(at + ".polarity", "required: one of positive, negative, range, ordinal");
            return;
        }
        if (ind.polarity() == Polarity.ORDINAL && (ind.scale() == null || ind.scale().size() < 2)) {
            error(at + ".scale", "an ordinal indicator needs its ordered scale, lowest first");
        }
        if (ind.decimals() != null && (ind.decimals() < 0 || ind.decimals() > 6)) {
            error(at + ".decimals", "from 0 to 6");
        }
        if (ind.weight() != null && ind.weight().signum() <= 0) {
            error(at + ".weight", "must be above 0");
        }
        Map<String, JsonNode> targets = ind.targets() == null ? Map.of() : ind.targets();
        for (Map.Entry<String, JsonNode> entry : targets.entrySet()) {
            String path = at + ".targets." + entry.getKey();
            year(path, entry.getKey(), startYear, endYear);
            try {
                TargetValue.parse(ind.polarity(), ind.scale(), entry.getValue());
            } catch (IllegalArgumentException e) {
                error(path, e.getMessage());
            }
        }
    }

    private Integer year(String path, String text, Integer startYear, Integer endYear) {
        int year;
        try {
            year = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            error(path, "not a year");
            return null;
        }
        if (startYear != null && (year < startYear || year > endYear)) {
            error(path, year + " is outside the Renstra period " + startYear + "-" + endYear);
            return null;
        }
        if (year < 2000 || year > 2100) {
            error(path, "a year from 2000 to 2100");
            return null;
        }
        return year;
    }

    private void pk(String at, PlanDocument.PkPart pk, Set<String> sasaran, Map<String, PlanDocument.IndicatorPart> indicators,
                    Integer startYear, Integer endYear, Set<String> versions) {
        if (pk == null || pk.year() == null) {
            error(at + ".year", "required");
            return;
        }
        year(at + ".year", String.valueOf(pk.year()), startYear, endYear);
        int version = pk.version() == null ? 1 : pk.version();
        if (version < 1) {
            error(at + ".version", "versions start at 1");
        }
        if (!versions.add(pk.year() + "/" + version)) {
            error(at + ".version", "version " + version + " of " + pk.year() + " is given twice");
        }
        if (pk.kind() != null && !pk.kind().equalsIgnoreCase("original") && !pk.kind().equalsIgnoreCase("revised")) {
            error(at + ".kind", "original or revised");
        }
        if (pk.signedAt() != null) {
            date(at + ".signedAt", pk.signedAt());
        }
        List<PlanDocument.PkItemPart> items = pk.items() == null ? List.of() : pk.items();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            PlanDocument.PkItemPart item = items.get(i);
            String path = at + ".items[" + i + "]";
            if (item == null || blank(item.indicator())) {
                error(path + ".indicator", "required");
                continue;
            }
            if (!seen.add(item.indicator())) {
                error(path + ".indicator", "indicator '" + item.indicator() + "' is agreed twice");
            }
            if (item.sasaran() == null || !sasaran.contains(item.sasaran())) {
                error(path + ".sasaran", "the document has no sasaran '" + item.sasaran() + "'");
            }
            PlanDocument.IndicatorPart indicator = indicators.get(item.indicator());
            if (indicator == null) {
                error(path + ".indicator", "the document has no indicator '" + item.indicator() + "'");
                continue;
            }
            if (indicator.sasaran() != null && item.sasaran() != null && !indicator.sasaran().equals(item.sasaran())) {
                error(path + ".sasaran", "indicator '" + item.indicator() + "' measures sasaran '" + indicator.sasaran() + "'");
            }
            if (indicator.polarity() != null) {
                try {
                    TargetValue.parse(indicator.polarity(), indicator.scale(), item.target());
                } catch (IllegalArgumentException e) {
                    error(path + ".target", e.getMessage());
                }
            }
        }
    }
}
