package id.go.maluku.sakip.platform.outbox;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestartingWorkerTest {

    @Test
    void a_loop_ended_by_an_error_is_started_again_and_stop_ends_it_for_good() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(1);
        RestartingWorker[] worker = new RestartingWorker[1];
        worker[0] = new RestartingWorker("test-loop", () -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                throw new StackOverflowError("the first run dies of an Error");
            }
            if (run == 2) {
                throw new IllegalStateException("the second of an exception");
            }
            thirdRun.countDown();
            while (worker[0].running()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, 20);
        worker[0].start();
        assertTrue(thirdRun.await(5, TimeUnit.SECONDS), "the loop runs again after each death");
        assertEquals(2, worker[0].restarts());
        assertTrue(worker[0].alive());
        worker[0].stop(2000);
        assertFalse(worker[0].alive());
        Thread.sleep(100);
        assertEquals(3, runs.get(), "a stopped worker is not started again");
    }
}
