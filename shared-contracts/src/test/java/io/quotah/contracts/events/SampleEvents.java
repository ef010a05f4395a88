package io.quotah.contracts.events;

import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.AlertRaised.Recipient;
import io.quotah.contracts.events.AlertRaised.Severity;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One fully populated instance of every event, for tests. */
public final class SampleEvents {

    public static final String WORKSPACE = "7d0f3a52-workspace";
    public static final UUID CONNECTION = UUID.fromString("5b8e2f7c-1d3a-4e6b-9c0d-2a4f6e8b1c3d");
    public static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");

    private SampleEvents() {
    }

    public static List<QuotahEvent> all() {
        return List.of(snapshot(), usage(), connectionChanged(), alert(), UserDeleted.of("user-1", WORKSPACE));
    }

    public static RateLimitSnapshot snapshot() {
        return new RateLimitSnapshot(UUID.randomUUID(), WORKSPACE, AT, 1, CONNECTION, Provider.ANTHROPIC,
                "claude-sonnet-4-5", AT, SnapshotSource.PROBE, List.of(
                        new RateLimitWindow(WindowKind.REQUESTS, 4000L, 3999L, AT.plusSeconds(1)),
                        new RateLimitWindow(WindowKind.INPUT_TOKENS, 400_000L, 398_000L, AT.plusSeconds(2)),
                        new RateLimitWindow(WindowKind.OUTPUT_TOKENS, null, null, null)),
                Duration.ofSeconds(12));
    }

    public static UsageEvent usage() {
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        Instant end = start.plus(Duration.ofHours(1));
        UUID id = UsageEvent.idFor(Provider.OPENAI, CONNECTION, "key_abc", start, end, "gpt-4o-mini", "default",
                UsageSource.ADMIN_API);
        return new UsageEvent(id, WORKSPACE, AT, 1, CONNECTION, Provider.OPENAI, "key_abc", "gpt-4o-mini", start, end,
                120, 50_000, 8_000, 0, 0, 12_000, 1_500L, "default", Money.usd("0.0123"), UsageSource.ADMIN_API);
    }

    public static ConnectionChanged connectionChanged() {
        return new ConnectionChanged(UUID.randomUUID(), WORKSPACE, AT, 1, CONNECTION, Provider.ANTHROPIC, "prod key",
                "sk-ant-…abcd", ConnectionChanged.Change.INVALID, "invalid x-api-key", 60);
    }

    public static AlertRaised alert() {
        return AlertRaised.builder().occurredAt(AT).workspaceId(WORKSPACE).alertId(UUID.randomUUID())
                .rule(UUID.randomUUID(), "Any key past 90 %").kind(AlertKind.RATE_LIMIT).severity(Severity.CRITICAL)
                .connection(CONNECTION, Provider.ANTHROPIC, "prod key").model("claude-sonnet-4-5")
                .window("INPUT_TOKENS").measured(new BigDecimal("92.50"), new BigDecimal("90"), AlertRaised.Unit.PERCENT)
                .resetAt(AT.plusSeconds(40)).forecastAt(AT.plusSeconds(30)).reason("draining")
                .recipients(List.of(new Recipient(Channel.EMAIL, "ops@example.com"),
                        new Recipient(Channel.WEBHOOK, "https://hooks.example.com/quotah", "whsec_demo")))
                .summary("Input tokens at 92.5% on prod key").test(true).build();
    }
}
