package id.go.maluku.sakip.platform.error;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTest {

    @Test
    void what_no_column_can_hold_is_named() {
        assertEquals("contains U+0000 (NUL), which no text may hold", Text.unstorable("a\u0000b"));
        assertTrue(Text.unstorable("a\uD800b").contains("lone surrogate (U+D800)"));
        assertTrue(Text.unstorable("\uDC00").contains("lone surrogate (U+DC00)"));
        assertTrue(Text.unstorable("ends high \uD83C").contains("lone surrogate"));
        assertNull(Text.unstorable("Korban bencana \uD83C\uDF0A, baris\nbaru, tab\t"));
    }

    @Test
    void a_parameter_also_refuses_control_characters() {
        assertEquals("contains a control character (U+000A)", Text.unfitForParameter("baris\nbaru"));
        assertEquals("contains a control character (U+007F)", Text.unfitForParameter("del\u007F"));
        assertEquals("contains U+0000 (NUL), which no text may hold", Text.unfitForParameter("\u0000"));
        assertEquals("is not UTF-8 (it decodes to U+FFFD)", Text.unfitForParameter("a\uFFFDb"));
        assertNull(Text.unfitForParameter("dinsos-maluku"));
        assertNull(Text.unfitForParameter("Dinas Sosial Provinsi Maluku \u00e9"));
    }
}
