package io.quotah.poller.usage;

import io.quotah.contracts.events.Money;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.platform.events.EventPublisher;
import io.quotah.poller.connections.Connection;
import io.quotah.poller.provider.AdminReports;
import io.quotah.poller.provider.ProviderAdapter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads an Admin key's usage and cost reports into UsageEvents. Hourly buckets from the day before the first
 * sync on, re-read each time for the last two days because the providers revise recent buckets (a revised
 * bucket goes out again under the same event id, with newer totals); the 30 days before that, once, as daily
 * buckets. Costs are by day and model only (the providers do not split them by key), so they travel as
 * cost-only events beside the token buckets.
 */
@Component
public class UsageSync {

    private static final Logger log = LoggerFactory.getLogger(UsageSync.class);

    static final Duration BACKFILL = Duration.ofDays(30);
    static final Duration REVISION_WINDOW = Duration.ofDays(2);
    /** Marks cost-only events apart from token buckets in the event id. */
    private static final String COST_REPORT = "cost-report";

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final Clock clock;

    UsageSync(JdbcClient jdbc, EventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Returns how many events it published. */
    public int sync(Connection connection, ProviderAdapter adapter, String adminKey) {
        Instant now = clock.instant();
        Instant hourlyFrom = hourlyFrom(connection.id(), now);
        Instant to = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant recent = max(hourlyFrom, now.minus(REVISION_WINDOW).truncatedTo(ChronoUnit.HOURS));
        int published = publishUsage(connection, adapter, adminKey, recent, to, "1h");
        boolean backfilled = jdbc.sql("SELECT backfilled FROM usage_sync WHERE connection_id = :id")
                .param("id", connection.id()).query(Boolean.class).single();
        Instant costsFrom = recent.truncatedTo(ChronoUnit.DAYS);
        if (!backfilled) {
            published += publishUsage(connection, adapter, adminKey, hourlyFrom.minus(BACKFILL), hourlyFrom, "1d");
            costsFrom = hourlyFrom.minus(BACKFILL);
        }
        published += publishCosts(connection, adapter, adminKey, costsFrom, now.truncatedTo(ChronoUnit.DAYS).plus(
                Duration.ofDays(1)));
        jdbc.sql("UPDATE usage_sync SET backfilled = true, last_synced_at = :now WHERE connection_id = :id")
                .param("now", Timestamp.from(now)).param("id", connection.id()).update();
        return published;
    }

    private Instant hourlyFrom(UUID connectionId, Instant now) {
        Instant dayBefore = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        jdbc.sql("INSERT INTO usage_sync (connection_id, hourly_from) VALUES (:id, :from) ON CONFLICT DO NOTHING")
                .param("id", connectionId).param("from", Timestamp.from(dayBefore)).update();
        return jdbc.sql("SELECT hourly_from FROM usage_sync WHERE connection_id = :id").param("id", connectionId)
                .query(Timestamp.class).single().toInstant();
    }

    private int publishUsage(Connection connection, ProviderAdapter adapter, String adminKey, Instant from,
            Instant to, String width) {
        // Lines of one bucket, key, model and tier are summed: a report may split them further (by workspace).
        Map<UUID, UsageEvent> buckets = new LinkedHashMap<>();
        forEachPage(page -> adapter.usageReport(adminKey, from, to, width, page), line -> {
            UUID id = UsageEvent.idFor(connection.provider(), connection.id(), line.providerKeyId(), line.start(),
                    line.end(), line.model(), line.serviceTier(), UsageSource.ADMIN_API);
            buckets.merge(id, usageEvent(connection, id, line), UsageSync::sum);
        });
        return publishEach(buckets.values());
    }

    private int publishCosts(Connection connection, ProviderAdapter adapter, String adminKey, Instant from,
            Instant to) {
        Map<UUID, UsageEvent> days = new LinkedHashMap<>();
        forEachPage(page -> adapter.costReport(adminKey, from, to, page), line -> {
            UUID id = UsageEvent.idFor(connection.provider(), connection.id(), COST_REPORT, line.start(), line.end(),
                    line.model(), line.serviceTier(), UsageSource.ADMIN_API);
            days.merge(id, costEvent(connection, id, line), UsageSync::sum);
        });
        return publishEach(days.values());
    }

    /**
     * Publishes each event on its own: one the schema refuses (a provider's report with a value Quotah cannot carry)
     * is logged and skipped, and never sinks the rest of the poll. Returns how many went out.
     */
    private int publishEach(Collection<UsageEvent> usage) {
        int published = 0;
        for (UsageEvent event : usage) {
            try {
                events.publish(event);
                published++;
            } catch (RuntimeException e) {
                // Sending is asynchronous: what fails here at once is the event itself (the schema check in the
                // serializer, however the Kafka client wraps it), never the broker, whose faults fail the future.
                log.warn("usage event {} of connection {} (workspace {}) was not published: {}", event.eventId(),
                        event.connectionId(), event.workspaceId(), e.toString());
            }
        }
        return published;
    }

    private static <T> void forEachPage(Function<String, AdminReports.Page<T>> read,
            java.util.function.Consumer<T> each) {
        String page = null;
        do {
            AdminReports.Page<T> current = read.apply(page);
            current.lines().forEach(each);
            page = current.nextPage();
        } while (page != null);
    }

    private UsageEvent usageEvent(Connection connection, UUID id, AdminReports.UsageLine line) {
        return new UsageEvent(id, connection.workspaceId(), clock.instant(), UsageEvent.SCHEMA_VERSION,
                connection.id(), connection.provider(), line.providerKeyId(), line.model(), line.start(), line.end(),
                line.requests(), line.uncachedInputTokens(), line.outputTokens(), line.cacheWrite5mTokens(),
                line.cacheWrite1hTokens(), line.cacheReadTokens(), null, line.serviceTier(), null,
                UsageSource.ADMIN_API);
    }

    private UsageEvent costEvent(Connection connection, UUID id, AdminReports.CostLine line) {
        return new UsageEvent(id, connection.workspaceId(), clock.instant(), UsageEvent.SCHEMA_VERSION,
                connection.id(), connection.provider(), null, line.model(), line.start(), line.end(), 0, 0, 0, 0, 0, 0,
                null, line.serviceTier(), new Money(line.amount(), line.currency()), UsageSource.ADMIN_API);
    }

    private static UsageEvent sum(UsageEvent a, UsageEvent b) {
        Money cost = a.reportedCost() == null ? b.reportedCost() : b.reportedCost() == null ? a.reportedCost()
                : new Money(a.reportedCost().amount().add(b.reportedCost().amount()), a.reportedCost().currency());
        return new UsageEvent(a.eventId(), a.workspaceId(), a.occurredAt(), a.schemaVersion(), a.connectionId(),
                a.provider(), a.providerKeyId(), a.model(), a.bucketStart(), a.bucketEnd(),
                a.requests() + b.requests(), a.inputTokens() + b.inputTokens(), a.outputTokens() + b.outputTokens(),
                a.cacheWrite5mTokens() + b.cacheWrite5mTokens(), a.cacheWrite1hTokens() + b.cacheWrite1hTokens(),
                a.cacheReadTokens() + b.cacheReadTokens(), null, a.serviceTier(), cost, a.source());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
