package io.quotah.notification.delivery;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.notification.config.NotificationSettings;
import io.quotah.notification.unsubscribe.Suppressions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries on virtual threads, at most {@code concurrency} at once per replica. It looks for work
 * every poll interval and at once when the listener has queued some, so a message leaves well within a second
 * of its alert. Replicas share the log through claims ({@code FOR UPDATE SKIP LOCKED} plus a lease).
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration FAILING_PAUSE = Duration.ofSeconds(2);

    private final DeliveryLog deliveries;
    private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
    private final Suppressions suppressions;
    private final NotificationSettings.Sender settings;
    private final RetryPolicy retries;
    private final Clock clock;
    private final Semaphore slots;
    private final Semaphore wakeUps = new Semaphore(0);
    private ExecutorService sends;
    private Thread loop;
    private volatile boolean running;

    DeliveryWorker(DeliveryLog deliveries, List<DeliveryChannel> channels, Suppressions suppressions,
            NotificationSettings settings, Clock clock) {
        this.deliveries = deliveries;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.suppressions = suppressions;
        this.settings = settings.sender();
        this.retries = new RetryPolicy(settings.retry().initialBackoff(), settings.retry().maxBackoff(),
                settings.retry().giveUpAfter());
        this.clock = clock;
        this.slots = new Semaphore(this.settings.concurrency());
    }

    /** Look for due deliveries now rather than at the next tick: the listener has just queued some. */
    void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("sending is disabled (quotah.notification.sender.enabled=false): deliveries stay queued");
            return;
        }
        running = true;
        sends = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("delivery-", 0).factory());
        loop = Thread.ofVirtual().name("delivery-worker").start(this::run);
    }

    private void run() {
        boolean failing = false;
        while (running) {
            int asked = Math.min(slots.availablePermits(), settings.batchSize());
            int claimed = 0;
            try {
                claimed = asked == 0 ? 0 : runOnce(asked);
                if (failing) {
                    log.info("looking for due deliveries works again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                // The database may be restarting: say so once, and keep looking, a little less often.
                if (!failing) {
                    log.warn("looking for due deliveries failed, will keep trying: {}", e.getMessage());
                    failing = true;
                }
            }
            try {
                if (!failing && (asked == 0 || (claimed > 0 && claimed == asked))) {
                    // More may be due: look again as soon as a slot is free.
                    slots.acquire();
                    slots.release();
                } else {
                    long pause = failing ? Math.max(settings.pollInterval().toMillis(), FAILING_PAUSE.toMillis())
                            : settings.pollInterval().toMillis();
                    wakeUps.tryAcquire(pause, TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Claims up to {@code limit} due deliveries and starts sending them; returns how many. */
    int runOnce(int limit) {
        Instant now = clock.instant();
        List<ClaimedDelivery> due = deliveries.claimDue(limit, now, now.plus(settings.lease()));
        for (ClaimedDelivery claimed : due) {
            slots.acquireUninterruptibly();
            sends.execute(() -> {
                try {
                    deliver(claimed);
                } catch (RuntimeException e) {
                    // the claim's lease runs out and the delivery is due again
                    log.warn("delivery {} of alert {} (workspace {}) could not be recorded: {}", claimed.id(),
                            claimed.alertId(), claimed.workspaceId(), e.toString());
                } finally {
                    slots.release();
                }
            });
        }
        return due.size();
    }

    private void deliver(ClaimedDelivery claimed) {
        if (claimed.channel() == Channel.EMAIL && claimed.ruleId() != null
                && suppressions.isSuppressed(claimed.workspaceId(), claimed.ruleId(), claimed.address())) {
            if (deliveries.markSuppressed(claimed)) {
                log.info("delivery {} of alert {} (workspace {}, EMAIL): suppressed, the recipient unsubscribed",
                        claimed.id(), claimed.alertId(), claimed.workspaceId());
            }
            return;
        }
        Instant attemptedAt = clock.instant();
        Outcome outcome = attempt(claimed);
        Instant finishedAt = clock.instant();
        Instant next = outcome instanceof Outcome.TransientFailure failure
                ? retries.nextAttempt(claimed.attemptNumber(),
                        claimed.firstAttemptAt() == null ? attemptedAt : claimed.firstAttemptAt(), finishedAt,
                        failure.retryAfter()).orElse(null)
                : null;
        if (!deliveries.recordAttempt(claimed, attemptedAt, outcome, finishedAt, next)) {
            log.warn("delivery {} of alert {} (workspace {}): its claim ran out before the send finished; raise "
                    + "quotah.notification.sender.lease", claimed.id(), claimed.alertId(), claimed.workspaceId());
            return;
        }
        switch (outcome) {
            case Outcome.Sent sent -> log.info("delivery {} of alert {} (workspace {}, {}): sent on attempt {}",
                    claimed.id(), claimed.alertId(), claimed.workspaceId(), claimed.channel(), claimed.attemptNumber());
            case Outcome.TransientFailure failure when next != null -> log.info(
                    "delivery {} of alert {} (workspace {}, {}): attempt {} failed ({}), next at {}", claimed.id(),
                    claimed.alertId(), claimed.workspaceId(), claimed.channel(), claimed.attemptNumber(),
                    failure.reason(), next);
            case Outcome.TransientFailure failure -> log.warn(
                    "delivery {} of alert {} (workspace {}, {}): FAILED, still failing after {} attempts in {} ({})",
                    claimed.id(), claimed.alertId(), claimed.workspaceId(), claimed.channel(), claimed.attemptNumber(),
                    retries.giveUpAfter(), failure.reason());
            case Outcome.PermanentFailure failure -> log.warn(
                    "delivery {} of alert {} (workspace {}, {}): FAILED on attempt {}, not retried ({})", claimed.id(),
                    claimed.alertId(), claimed.workspaceId(), claimed.channel(), claimed.attemptNumber(),
                    failure.reason());
        }
    }

    private Outcome attempt(ClaimedDelivery claimed) {
        DeliveryChannel channel = channels.get(claimed.channel());
        if (channel == null) {
            return Outcome.failed("this service has no sender for " + claimed.channel());
        }
        AlertRaised alert;
        try {
            alert = DeliveryLog.decode(claimed.payload());
        } catch (RuntimeException e) {
            return Outcome.failed("the queued alert cannot be read: " + e.getMessage());
        }
        try {
            return channel.send(new Delivery(claimed.id(), alert, claimed.channel(), claimed.address(),
                    claimed.signingSecret(), claimed.attemptNumber()));
        } catch (RuntimeException e) {
            // A bug of ours, or something no channel foresaw: retried, so a fix shipped within the window still sends.
            log.warn("delivery {} of alert {} (workspace {}, {}): the sender failed unexpectedly", claimed.id(),
                    claimed.alertId(), claimed.workspaceId(), claimed.channel(), e);
            return Outcome.retryLater("internal error: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        if (sends != null) {
            sends.shutdown();
            try {
                sends.awaitTermination(10, TimeUnit.SECONDS);
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
