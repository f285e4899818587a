package id.go.maluku.sakip.budget.domain;

import java.util.regex.Pattern;

/**
 * The official code of a budget line (Permendagri 90/2019, Kepmendagri 050-5889/2021):
 * urusan . bidang urusan . program . kegiatan (2 segments) . sub kegiatan, e.g.
 * {@code 1.06.02.2.01.0001}; older sub kegiatan codes have 2 digits ({@code 1.06.02.2.01.01}).
 * Shorter prefixes name a program ({@code 1.06.02}) or a kegiatan ({@code 1.06.02.2.01}).
 */
public final class BudgetCode {

    public static final Pattern FORMAT =
            Pattern.compile("\\d\\.\\d{2}(\\.\\d{2}(\\.\\d\\.\\d{2}(\\.(\\d{4}|\\d{2}))?)?)?");

    private BudgetCode() {
    }

    public static boolean valid(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }
}
