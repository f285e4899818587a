package id.go.maluku.sakip.budget.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpendingImportTest {

    @Test
    void new_entry_ids_are_version_7_and_ordered_by_time() throws Exception {
        UUID first = SpendingImport.timeOrderedId();
        Thread.sleep(2);
        UUID later = SpendingImport.timeOrderedId();
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        // PostgreSQL orders uuids byte by byte, i.e. by the high long read unsigned
        assertTrue(Long.compareUnsigned(first.getMostSignificantBits(), later.getMostSignificantBits()) < 0);
        Set<UUID> many = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(SpendingImport.timeOrderedId());
        }
        assertEquals(100_000, many.size());
    }

    @Test
    void copy_text_escapes_what_would_end_a_column_or_a_row() {
        assertEquals("plain", SpendingImport.CopyText.escape("plain"));
        assertEquals("a\\\\b\\tc\\nd\\re", SpendingImport.CopyText.escape("a\\b\tc\nd\re"));
        SpendingImport.CopyText out = new SpendingImport.CopyText(16);
        out.raw("x").tab().text(null).tab().text("é").end();
        assertEquals("x\t\\N\té\n", out.toString(StandardCharsets.UTF_8));
    }
}
