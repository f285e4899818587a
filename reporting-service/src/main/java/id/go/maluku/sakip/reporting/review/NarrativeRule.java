package id.go.maluku.sakip.reporting.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A narrative that names another year or another agency than the report's own: the seed's
 * 2022 foreword speaks of "Tahun Anggaran 2020", and its legal-basis introduction of the
 * "Dinas Sosial Provinsi Jawa Barat". Years of the Renstra period around the report year and
 * years inside the names of regulations ("Nomor 53 Tahun 2014") are not findings.
 */
public final class NarrativeRule implements Rule {

    private static final Pattern YEAR = Pattern.compile("(?i)(tahun anggaran|TA\\.?|tahun)\\s+(20\\d\\d)");
    private static final Pattern PERIOD_END = Pattern.compile("\\s*(?:[-\u2013]|s\\.d\\.?|sampai)\\s*(20\\d\\d)");
    private static final Pattern REGULATION_YEAR = Pattern.compile("(?i)(nomor|no\\.)\\s*[:]?\\s*\\S+\\s+tahun\\s+20\\d\\d");

    @Override
    public String name() {
        return "narrative-names-another-year-or-agency";
    }

    @Override
    public List<Finding> check(ReviewInput input) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, String> narrative : input.narratives().entrySet()) {
            String text = narrative.getValue();
            String withoutRegulations = REGULATION_YEAR.matcher(text).replaceAll(" ");
            Matcher year = YEAR.matcher(withoutRegulations);
            while (year.find()) {
                int named = Integer.parseInt(year.group(2));
                Matcher range = PERIOD_END.matcher(withoutRegulations).region(year.end(), withoutRegulations.length());
                if (range.lookingAt() && named <= input.year() && Integer.parseInt(range.group(1)) >= input.year()) {
                    continue; // a period that contains the report's year, e.g. "Tahun 2019 – 2024"
                }
                // the year itself, the year before (comparisons), and the report's own publication year
                if (named != input.year() && named != input.year() - 1 && named != input.year() + 1) {
                    findings.add(new Finding(name(), narrative.getKey(), year.group().trim(), "Tahun " + input.year(),
                            Finding.Severity.WARNING));
                }
            }
            for (String other : input.otherAgencyNames()) {
                if (!other.equalsIgnoreCase(input.agencyName()) && text.toLowerCase().contains(other.toLowerCase())) {
                    findings.add(new Finding(name(), narrative.getKey(), other, input.agencyName(), Finding.Severity.WARNING));
                }
            }
        }
        return findings;
    }
}
