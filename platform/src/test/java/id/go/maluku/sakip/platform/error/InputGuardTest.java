package id.go.maluku.sakip.platform.error;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InputGuardTest {

    @Test
    void a_boolean_is_true_or_false_only() {
        assertNull(InputGuard.unfitValue("dryRun", boolean.class, "true"));
        assertNull(InputGuard.unfitValue("dryRun", Boolean.class, "false"));
        assertEquals("must be true or false, not 'yes'", InputGuard.unfitValue("dryRun", boolean.class, "yes"));
        assertEquals("must be true or false, not '1'", InputGuard.unfitValue("dryRun", boolean.class, "1"));
        assertEquals("must be true or false, not 'TRUE'", InputGuard.unfitValue("dryRun", boolean.class, "TRUE"));
    }

    @Test
    void a_number_fits_its_type_and_a_page_its_bound() {
        assertNull(InputGuard.unfitValue("size", int.class, "200"));
        assertEquals("must be a whole number, not 'abc'", InputGuard.unfitValue("size", int.class, "abc"));
        assertEquals("must be a whole number between -2147483648 and 2147483647",
                InputGuard.unfitValue("size", int.class, "2147483648"));
        assertNull(InputGuard.unfitValue("page", int.class, "1000000"));
        assertEquals("must be at most 1000000", InputGuard.unfitValue("page", int.class, "1073741824"));
        assertNull(InputGuard.unfitValue("after", long.class, "2147483648"));
        assertNull(InputGuard.unfitValue("q", String.class, "anything"));
    }

    @Test
    void a_uuid_is_one() {
        assertNull(InputGuard.unfitValue("run", java.util.UUID.class, "5d0f6a1e-2b7c-4e8d-9a3f-1c2b3d4e5f60"));
        assertEquals("must be a UUID, not 'abc'", InputGuard.unfitValue("run", java.util.UUID.class, "abc"));
    }
}
