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

    /** The levels a valid code names, from urusan down; codes the code is too short for are null. */
    public record Levels(String urusan, String bidangUrusan, String program, String kegiatan, String subKegiatan) {
    }

    /** Derives the levels from the code itself, so that they can never disagree with it. */
    public static Levels levels(String code) {
        if (!valid(code)) {
            throw new IllegalArgumentException("not an official budget code: " + code);
        }
        String[] p = code.split("\\.");
        return new Levels(p[0], p[0] + "." + p[1],
                p.length >= 3 ? join(p, 3) : null,
                p.length >= 5 ? join(p, 5) : null,
                p.length == 6 ? code : null);
    }

    private static String join(String[] parts, int n) {
        return String.join(".", java.util.Arrays.copyOf(parts, n));
    }
}
