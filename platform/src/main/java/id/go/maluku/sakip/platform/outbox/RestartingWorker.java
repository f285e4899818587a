package id.go.maluku.sakip.platform.outbox;

import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A background loop that nothing can end but {@link #stop}: should its thread die of anything
 * (an {@code Error} included, which the loop itself does not try to survive), it is started
 * again on a new thread after a pause. Why: a relay thread that ended for good while health
 * said UP held every later event of the service back, unseen.
 */
public final class RestartingWorker {

    private static final Logger LOG = Logger.getLogger(RestartingWorker.class);

    private final String name;
    private final Runnable loop;
    private final long restartPauseMillis;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean running;
    private volatile Thread thread;

    /** loop: runs until the worker is stopped (it should return then) or throws. */
    public RestartingWorker(String name, Runnable loop, long restartPauseMillis) {
        this.name = name;
        this.loop = loop;
        this.restartPauseMillis = restartPauseMillis;
    }

    public synchronized void start() {
        running = true;
        spawn();
    }

    public boolean running() {
        return running;
    }

    /** How often the loop died and was started again since the service started. */
    public int restarts() {
        return restarts.get();
    }

    /** Whether a thread is running the loop now (false for the pause between a death and the restart). */
    public boolean alive() {
        Thread current = thread;
        return current != null && current.isAlive();
    }

    public void stop(long joinMillis) {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(joinMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void spawn() {
        if (!running) {
            return;
        }
        Thread next = new Thread(this::runLoop, name);
        next.setDaemon(true);
        thread = next;
        next.start();
    }

    private void runLoop() {
        try {
            loop.run();
        } catch (Throwable death) {
            if (!running) {
                return;
            }
            restarts.incrementAndGet();
            LOG.errorf(death, "%s ended by %s; starting it again in %d ms", name, death, restartPauseMillis);
            try {
                Thread.sleep(restartPauseMillis);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
            spawn();
        }
    }
}
