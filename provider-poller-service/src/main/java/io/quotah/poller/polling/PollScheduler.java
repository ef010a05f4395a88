package io.quotah.poller.polling;

import io.quotah.poller.connections.Connection;
import io.quotah.poller.connections.ConnectionStore;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works through due keys on virtual threads, at most {@code concurrency} at once. Replicas share the work
 * through leases in PostgreSQL: each due key is taken by exactly one replica per cycle.
 */
@Component
class PollScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    private final ConnectionStore store;
    private final Poller poller;
    private final PollingSettings settings;
    private final Clock clock;
    private final String owner = "poller-" + UUID.randomUUID();
    private final Semaphore slots;
    private ExecutorService polls;
    private Thread loop;
    private volatile boolean running;

    PollScheduler(ConnectionStore store, Poller poller, PollingSettings settings, Clock clock) {
        this.store = store;
        this.poller = poller;
        this.settings = settings;
        this.clock = clock;
        this.slots = new Semaphore(settings.concurrency());
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("polling is disabled (quotah.poller.polling.enabled=false)");
            return;
        }
        running = true;
        polls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("poll-", 0).factory());
        loop = Thread.ofVirtual().name("poll-scheduler").start(this::run);
    }

    private void run() {
        while (running) {
            int leased = 0;
            try {
                leased = runOnce();
            } catch (RuntimeException e) {
                // the database may be restarting: say so, and try again next tick
                log.warn("looking for due keys failed: {}", e.getMessage());
            }
            try {
                if (leased == 0) {
                    Thread.sleep(settings.tick());
                } else {
                    // More may be due: look again as soon as a slot is free, not a whole tick later.
                    slots.acquire();
                    slots.release();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Leases as many due keys as there are free slots and starts polling them; returns how many. */
    int runOnce() {
        List<Connection> due = store.leaseDue(owner, slots.availablePermits(), clock.instant(), settings.lease());
        for (Connection connection : due) {
            slots.acquireUninterruptibly();
            polls.execute(() -> {
                try {
                    poller.poll(connection, owner);
                } catch (RuntimeException e) {
                    // the lease runs out and the key is due again
                    log.warn("polling connection {} failed: {}", connection.id(), e.toString());
                } finally {
                    slots.release();
                }
            });
        }
        return due.size();
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        if (polls != null) {
            polls.shutdown();
            try {
                polls.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
