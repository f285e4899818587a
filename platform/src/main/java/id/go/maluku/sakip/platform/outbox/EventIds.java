package id.go.maluku.sakip.platform.outbox;

import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids in the order they were made: the layout of RFC 9562's version 7 UUID, 48 bits of
 * Unix milliseconds, then 74 random bits (as unlikely to repeat within a millisecond as a random
 * id at all). Why: an event's id is the key of indexes that only grow, outbox_event.event_id here
 * and each consumer's table of processed events. A random id lands on a random page of such an
 * index, so once the index outgrows the cache, and after every checkpoint, nearly every insert
 * reads or logs a whole page; an ordered one goes to its right-hand end. Every PUT of a realisasi
 * makes one (BENCHMARKS.md, realization-service).
 */
public final class EventIds {

    private EventIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis(), ThreadLocalRandom.current());
    }

    static UUID at(long epochMillis, Random random) {
        long mostSignificant = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
