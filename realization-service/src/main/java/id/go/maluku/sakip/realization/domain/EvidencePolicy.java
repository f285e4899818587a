package id.go.maluku.sakip.realization.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Which evidence files are taken: a declared type from the allowed list, no larger than the
 * limit, and for the binary types whose signature is cheap to check (PDF, PNG, JPEG, the
 * Office zip formats) content that starts like that type, so a renamed file is refused.
 */
public record EvidencePolicy(Set<String> allowedTypes, long maxBytes) {

    /** The media type without parameters, lower case; "" when absent. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    public void checkType(String contentType) {
        String type = mediaType(contentType);
        if (!allowedTypes.contains(type)) {
            throw new RuleViolation(415, "contentType", "type '" + type + "' is not taken as evidence; allowed: "
                    + allowedTypes.stream().sorted().toList());
        }
    }

    public void checkSize(long size) {
        if (size > maxBytes) {
            throw new RuleViolation(413, "file", "larger than the limit of " + maxBytes + " bytes");
        }
        if (size == 0) {
            throw RuleViolation.invalid("file", "empty");
        }
    }

    public void checkContent(String contentType, byte[] head) {
        String type = mediaType(contentType);
        byte[] signature = switch (type) {
            case "application/pdf" -> "%PDF".getBytes(StandardCharsets.US_ASCII);
            case "image/png" -> new byte[]{(byte) 0x89, 'P', 'N', 'G'};
            case "image/jpeg" -> new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> new byte[]{'P', 'K', 3, 4};
            default -> null;
        };
        if (signature != null && (head.length < signature.length
                || !Arrays.equals(Arrays.copyOf(head, signature.length), signature))) {
            throw new RuleViolation(415, "file", "content is not " + type);
        }
    }
}
