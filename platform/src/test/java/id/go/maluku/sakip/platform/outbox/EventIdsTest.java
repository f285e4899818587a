package id.go.maluku.sakip.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventIdsTest {

    @Test
    void an_id_is_a_version_7_uuid_that_carries_its_millisecond() {
        long millis = Instant.parse("2026-11-29T19:30:00.123Z").toEpochMilli();
        UUID id = EventIds.at(millis, new Random(1));
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        // the same parts as text: the first 12 hex digits are the milliseconds
        assertEquals(String.format("%012x", millis), id.toString().replace("-", "").substring(0, 12));
    }

    @Test
    void ids_of_later_milliseconds_sort_after_earlier_ones_as_postgresql_compares_them() {
        Random random = new Random(7);
        long millis = Instant.parse("2026-11-29T00:00:00Z").toEpochMilli();
        String previous = EventIds.at(millis, random).toString();
        for (int i = 1; i <= 10_000; i++) {
            // PostgreSQL orders uuid by its bytes, i.e. by the text of the lowercase hex digits
            String next = EventIds.at(millis + i, random).toString();
            assertTrue(next.compareTo(previous) > 0, next + " after " + previous);
            previous = next;
        }
    }

    @Test
    void ids_made_in_a_burst_do_not_repeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            seen.add(EventIds.next());
        }
        assertEquals(200_000, seen.size());
    }
}
