package id.go.maluku.sakip.platform.http;

import java.nio.charset.StandardCharsets;

/**
 * File names as they leave the system. A name given by an uploader is kept as given, for display;
 * what a browser is told to save is its safe base name: no directory (an evidence file named
 * "../../etc/passwd" is saved as "passwd"), no control character (CR/LF in a name broke the
 * download's headers), not empty. The header carries it twice (RFC 6266): an ASCII fallback in
 * {@code filename}, the exact name in {@code filename*} (RFC 5987), so "Bukti Penyaluran Tahap II –
 * Seram.pdf" keeps its dash.
 */
public final class FileNames {

    /** What a file with no usable name is saved as. */
    public static final String FALLBACK = "file";
    private static final int MOST_CHARACTERS = 200;

    private FileNames() {
    }

    /** The name without directories, control characters, quotes or reserved characters. */
    public static String safeBaseName(String given) {
        if (given == null) {
            return FALLBACK;
        }
        String base = given;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        if (slash >= 0) {
            base = base.substring(slash + 1);
        }
        StringBuilder safe = new StringBuilder(base.length());
        base.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '"' || c == '*' || c == ':' || c == '<' || c == '>'
                    || c == '?' || c == '|' || Character.getType(c) == Character.FORMAT
                    || (c >= 0xD800 && c <= 0xDFFF)) {
                return;
            }
            safe.appendCodePoint(c);
        });
        String name = safe.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return FALLBACK;
        }
        return name.codePointCount(0, name.length()) <= MOST_CHARACTERS ? name
                : name.substring(0, name.offsetByCodePoints(0, MOST_CHARACTERS));
    }

    /** A Content-Disposition header value: "attachment" or "inline", with the name twice. */
    public static String contentDisposition(String disposition, String given) {
        String name = safeBaseName(given);
        StringBuilder ascii = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '\\' && c != '%' ? c : '_');
        }
        return disposition + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    /** RFC 5987 value characters: attr-char stays, every other byte of the UTF-8 is %XX. */
    static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean attrChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
