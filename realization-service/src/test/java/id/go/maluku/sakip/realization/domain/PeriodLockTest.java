package id.go.maluku.sakip.realization.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodLockTest {

    @Test
    void a_period_locks_the_day_after_its_deadline_until_unlocked() {
        PeriodLock lock = new PeriodLock();
        lock.year = 2022;
        lock.period = "Q1";
        lock.deadline = LocalDate.of(2022, 4, 15);
        assertFalse(lock.inForce(LocalDate.of(2022, 4, 15)));
        assertTrue(lock.inForce(LocalDate.of(2022, 4, 16)));
        assertTrue(lock.covers(2022, new Period("M03")));
        assertFalse(lock.covers(2022, new Period("Q2")));
        assertFalse(lock.covers(2021, new Period("Q1")));
        lock.unlockedAt = OffsetDateTime.now();
        assertFalse(lock.inForce(LocalDate.of(2022, 4, 16)));
    }
}
