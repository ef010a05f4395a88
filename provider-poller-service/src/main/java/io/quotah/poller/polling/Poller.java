package io.quotah.poller.polling;

import io.quotah.contracts.events.ConnectionChanged.Change;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.platform.events.EventPublisher;
import io.quotah.platform.outbox.Outbox;
import io.quotah.poller.connections.Connection;
import io.quotah.poller.connections.ConnectionStatus;
import io.quotah.poller.connections.ConnectionStore;
import io.quotah.poller.connections.ConnectionStore.PollResult;
import io.quotah.poller.connections.Connections;
import io.quotah.poller.connections.KeyStanding;
import io.quotah.poller.provider.AdminApiException;
import io.quotah.poller.provider.CallOutcome;
import io.quotah.poller.provider.ConfiguredLimits;
import io.quotah.poller.provider.LimitReading;
import io.quotah.poller.provider.ProviderAdapter;
import io.quotah.poller.provider.ProviderAdapters;
import io.quotah.poller.secrets.KeyCipher;
import io.quotah.poller.usage.UsageSync;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls one key: checks it (or probes it, where the customer allowed that), reads configured limits with the
 * Admin key, publishes what it learned as snapshots, records the outcome and when to poll next.
 */
@Component
class Poller {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    /** An invalid key stays invalid until its owner replaces it; look again now and then, not every minute. */
    private static final Duration INVALID_RECHECK = Duration.ofMinutes(15);

    private final ProviderAdapters adapters;
    private final KeyCipher cipher;
    private final ConnectionStore store;
    private final EventPublisher events;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final PollingSettings settings;
    private final UsageSync usage;
    private final Clock clock;

    Poller(ProviderAdapters adapters, KeyCipher cipher, ConnectionStore store, EventPublisher events, Outbox outbox,
            TransactionTemplate transactions, PollingSettings settings, UsageSync usage, Clock clock) {
        this.adapters = adapters;
        this.cipher = cipher;
        this.store = store;
        this.events = events;
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = settings;
        this.usage = usage;
        this.clock = clock;
    }

    void poll(Connection connection, String owner) {
        ProviderAdapter adapter = adapters.of(connection.provider()).orElseThrow();
        String key = cipher.open(connection.key());
        CallOutcome outcome = connection.probing() ? adapter.probe(key) : adapter.validate(key);
        Instant polledAt = clock.instant();
        publishLimits(connection, outcome, polledAt);
        String adminProblem = connection.hasAdminKey() ? publishConfiguredLimits(connection, adapter) : null;
        PollResult result = result(connection, outcome, adminProblem, polledAt);
        transactions.executeWithoutResult(tx -> {
            Optional<ConnectionStatus> before = store.recordPoll(connection.id(), owner, result);
            before.flatMap(previous -> change(previous, outcome))
                    .ifPresent(change -> outbox.append(Connections.changed(connection, change, result.reason())));
        });
        log.debug("polled {} {}: {}", connection.provider(), connection.id(), result.status());
    }

    private void publishLimits(Connection connection, CallOutcome outcome, Instant polledAt) {
        LimitReading limits = switch (outcome) {
            case CallOutcome.Accepted accepted -> accepted.limits();
            case CallOutcome.RateLimited limited -> limited.limits();
            default -> LimitReading.none();
        };
        if (limits.unreadableHeaders() > 0) {
            log.warn("{} sent {} rate-limit headers Quotah could not read for connection {}; they were ignored",
                    connection.provider(), limits.unreadableHeaders(), connection.id());
        }
        if (!limits.isEmpty()) {
            String model = outcome instanceof CallOutcome.Accepted accepted ? accepted.model() : null;
            events.publish(RateLimitSnapshot.captured(connection.workspaceId(), connection.id(), connection.provider(),
                    model, polledAt, SnapshotSource.PROBE, limits.windows(), limits.retryAfter()));
        }
    }

    /** Configured limits, then usage and cost; returns what went wrong with the Admin API, or null. */
    private String publishConfiguredLimits(Connection connection, ProviderAdapter adapter) {
        try {
            Instant readAt = clock.instant();
            String adminKey = cipher.open(connection.adminKey());
            for (ConfiguredLimits group : adapter.configuredLimits(adminKey)) {
                events.publish(RateLimitSnapshot.captured(connection.workspaceId(), connection.id(),
                        connection.provider(), group.model(), readAt, SnapshotSource.ADMIN_API, group.windows(), null));
            }
            usage.sync(connection, adapter, adminKey);
            return null;
        } catch (AdminApiException e) {
            return "Admin API: " + e.getMessage();
        }
    }

    private PollResult result(Connection connection, CallOutcome outcome, String adminProblem, Instant polledAt) {
        KeyStanding standing = KeyStanding.of(outcome);
        String reason = outcome instanceof CallOutcome.Accepted ? adminProblem : standing.reason();
        return new PollResult(standing.status(), reason, standing.keyWorks(), polledAt,
                polledAt.plus(nextPollIn(connection, outcome)));
    }

    /** The interval when the key answered; longer after a refusal, a rate limit's wait, or a failure's backoff. */
    private Duration nextPollIn(Connection connection, CallOutcome outcome) {
        Duration interval = connection.pollInterval();
        return switch (outcome) {
            case CallOutcome.Accepted accepted -> jittered(interval);
            case CallOutcome.Refused refused -> max(interval, INVALID_RECHECK);
            case CallOutcome.RateLimited limited -> max(jittered(interval),
                    limited.retryAfter() == null ? backoff(connection) : limited.retryAfter());
            case CallOutcome.QuotaExhausted quota -> backoff(connection);
            case CallOutcome.ProviderError error -> backoff(connection);
        };
    }

    /** Twice the interval for each failure in a row, up to the configured longest wait. */
    private Duration backoff(Connection connection) {
        int failures = Math.min(connection.consecutiveFailures() + 1, 16);
        Duration wait = connection.pollInterval().multipliedBy(1L << Math.min(failures, 10));
        return jittered(wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait);
    }

    private Duration jittered(Duration interval) {
        double spread = settings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.round(interval.toMillis() * (1 + spread)));
    }

    /**
     * What the poll changed about the key, as others hear of it: it turned invalid, it works again after a
     * refusal or an error, or it is out of quota. Out of quota is told on every such poll (they are backed off to
     * minutes apart): the stored status does not tell a spend cap from a passing provider error, and alert-service
     * raises on the first and ignores the rest.
     */
    private static Optional<Change> change(ConnectionStatus before, CallOutcome outcome) {
        return switch (outcome) {
            case CallOutcome.Refused refused -> before == ConnectionStatus.INVALID ? Optional.empty()
                    : Optional.of(Change.INVALID);
            case CallOutcome.QuotaExhausted quota -> Optional.of(Change.OUT_OF_QUOTA);
            case CallOutcome.Accepted accepted -> recovered(before);
            case CallOutcome.RateLimited limited -> recovered(before);
            case CallOutcome.ProviderError error -> Optional.empty();
        };
    }

    private static Optional<Change> recovered(ConnectionStatus before) {
        return before == ConnectionStatus.INVALID || before == ConnectionStatus.PROVIDER_ERROR
                ? Optional.of(Change.VALIDATED) : Optional.empty();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
