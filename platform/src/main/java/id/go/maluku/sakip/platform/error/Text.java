package id.go.maluku.sakip.platform.error;

/**
 * Whether a text may enter the system. PostgreSQL's text types refuse U+0000 (the request then
 * failed with a 500 deep in a query), a lone surrogate is no character at all, and a control
 * character has no business in a code, a path or a query parameter.
 */
public final class Text {

    private Text() {
    }

    /** Why the text may not be held anywhere (U+0000 or a lone surrogate), or null. */
    public static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains U+0000 (NUL), which no text may hold";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains a lone surrogate (U+" + Integer.toHexString(c).toUpperCase() + "), which is no character";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a lone surrogate (U+" + Integer.toHexString(c).toUpperCase() + "), which is no character";
            }
        }
        return null;
    }

    /**
     * Why the text may not be a path segment or query parameter: unstorable, a control character,
     * or U+FFFD (bytes that were not UTF-8).
     */
    public static String unfitForParameter(String text) {
        String unstorable = unstorable(text);
        if (unstorable != null) {
            return unstorable;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (c == '\uFFFD') {
                // what the decoder makes of a percent-encoding that is not UTF-8 (%ED%A0%80, a
                // surrogate in CESU-8): budget stored a line under the agency "a\uFFFDb"
                return "is not UTF-8 (it decodes to U+FFFD)";
            }
        }
        return null;
    }

    /** The text without U+0000, cut to a column's length: for what the system writes itself (reasons, subjects). */
    public static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replace("\u0000", "");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
