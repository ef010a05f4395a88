package io.quotah.contracts.events;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert rule fired (or the system noticed something a person must hear about). Notification-service
 * delivers it once per recipient, keyed by {@code alertId}.
 *
 * @param ruleId the rule that fired; {@code null} for alerts the system raises itself (an invalid key)
 * @param observed the value that crossed the threshold, in {@code unit}
 * @param resetAt when the limit resets, for rate-limit alerts
 */
public record AlertRaised(
        UUID eventId,
        String workspaceId,
        Instant occurredAt,
        int schemaVersion,
        UUID alertId,
        UUID ruleId,
        AlertKind kind,
        Severity severity,
        UUID connectionId,
        Provider provider,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal observed,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal threshold,
        Unit unit,
        Instant resetAt,
        List<Recipient> recipients,
        String summary) implements QuotahEvent {

    public static final int SCHEMA_VERSION = 1;

    public AlertRaised {
        requireNonNull(eventId, "eventId");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(alertId, "alertId");
        requireNonNull(kind, "kind");
        requireNonNull(severity, "severity");
        recipients = List.copyOf(requireNonNull(recipients, "recipients"));
        requireNonNull(summary, "summary");
    }

    public enum AlertKind {
        RATE_LIMIT,
        BUDGET,
        KEY_INVALID,
        STALE_DATA
    }

    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }

    public enum Unit {
        PERCENT,
        USD,
        SECONDS
    }

    public enum Channel {
        EMAIL,
        SLACK,
        DISCORD
    }

    /** Who hears of the alert, and how: an email address or a webhook reference. */
    public record Recipient(Channel channel, String address) {

        public Recipient {
            requireNonNull(channel, "channel");
            requireNonNull(address, "address");
        }
    }
}
