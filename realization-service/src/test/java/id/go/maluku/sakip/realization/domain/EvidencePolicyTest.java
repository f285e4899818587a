package id.go.maluku.sakip.realization.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EvidencePolicyTest {

    final EvidencePolicy policy = new EvidencePolicy(Set.of("application/pdf", "image/png", "text/plain"), 100);

    @Test
    void the_declared_type_must_be_allowed() {
        assertDoesNotThrow(() -> policy.checkType("application/pdf"));
        assertDoesNotThrow(() -> policy.checkType("Text/Plain; charset=UTF-8"));
        assertEquals(415, assertThrows(RuleViolation.class, () -> policy.checkType("application/x-msdownload")).status());
        assertEquals(415, assertThrows(RuleViolation.class, () -> policy.checkType(null)).status());
    }

    @Test
    void the_size_limit_is_inclusive_and_empty_files_are_refused() {
        assertDoesNotThrow(() -> policy.checkSize(100));
        RuleViolation tooLarge = assertThrows(RuleViolation.class, () -> policy.checkSize(101));
        assertEquals(413, tooLarge.status());
        assertEquals("file", tooLarge.field());
        assertEquals(400, assertThrows(RuleViolation.class, () -> policy.checkSize(0)).status());
    }

    @Test
    void a_file_must_start_like_its_declared_type() {
        assertDoesNotThrow(() -> policy.checkContent("application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(415, assertThrows(RuleViolation.class,
                () -> policy.checkContent("application/pdf", "MZ...".getBytes(StandardCharsets.US_ASCII))).status());
        assertEquals(415, assertThrows(RuleViolation.class, () -> policy.checkContent("image/png", new byte[]{1})).status());
        assertDoesNotThrow(() -> policy.checkContent("text/plain", "anything".getBytes(StandardCharsets.UTF_8)));
    }
}
