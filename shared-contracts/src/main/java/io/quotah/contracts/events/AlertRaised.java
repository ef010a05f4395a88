package io.quotah.contracts.events;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert rule fired, or its condition cleared (state RESOLVED), or a user asked for a test message.
 * Notification-service delivers it once per channel and recipient, keyed by {@code alertId} and {@code state}.
 * Build one with {@link #builder()}.
 *
 * @param ruleId the rule that fired
 * @param ruleName the rule's name as its owner wrote it
 * @param state RAISED when the condition became true, RESOLVED when it cleared; absent means RAISED
 * @param connectionId the key the alert is about, when it is about one key
 * @param connectionLabel that key's label, as the dashboard shows it
 * @param model the model or model group of a rate-limit window, when the provider named one
 * @param window what was measured: a window kind ({@code TOKENS}, ...) or a budget period ({@code 2026-12})
 * @param observed the value that crossed the threshold, in {@code unit}
 * @param resetAt when the limit resets, for rate-limit alerts
 * @param forecastAt when the window runs out at its recent pace, for forecast alerts
 * @param reason what went wrong, for key problems (the provider's words)
 * @param recipients who hears of it, and how
 * @param summary one human sentence, used as subject and first line
 * @param test true for a message a user asked for to check a channel: no condition behind it
 */
public record AlertRaised(
        UUID eventId,
        String workspaceId,
        Instant occurredAt,
        int schemaVersion,
        UUID alertId,
        UUID ruleId,
        String ruleName,
        AlertKind kind,
        AlertState state,
        Severity severity,
        UUID connectionId,
        Provider provider,
        String connectionLabel,
        String model,
        String window,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal observed,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal threshold,
        Unit unit,
        Instant resetAt,
        Instant forecastAt,
        String reason,
        List<Recipient> recipients,
        String summary,
        boolean test) implements QuotahEvent {

    public static final int SCHEMA_VERSION = 1;

    public AlertRaised {
        requireNonNull(eventId, "eventId");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(alertId, "alertId");
        requireNonNull(kind, "kind");
        state = state == null ? AlertState.RAISED : state;
        requireNonNull(severity, "severity");
        recipients = List.copyOf(requireNonNull(recipients, "recipients"));
        requireNonNull(summary, "summary");
    }

    public static Builder builder() {
        return new Builder();
    }

    public enum AlertKind {
        RATE_LIMIT,
        EXHAUSTION_FORECAST,
        BUDGET,
        SPEND_SPIKE,
        KEY_PROBLEM
    }

    public enum AlertState {
        RAISED,
        RESOLVED
    }

    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }

    public enum Unit {
        PERCENT,
        USD,
        SECONDS,
        /** Times a baseline, for spend spikes. */
        RATIO
    }

    public enum Channel {
        EMAIL,
        SLACK,
        DISCORD,
        WEBHOOK
    }

    /**
     * Who hears of the alert, and how: an email address or a webhook URL.
     *
     * @param signingSecret for WEBHOOK only: the secret the body is signed with ({@code Quotah-Signature})
     */
    public record Recipient(Channel channel, String address, String signingSecret) {

        public Recipient {
            requireNonNull(channel, "channel");
            requireNonNull(address, "address");
        }

        public Recipient(Channel channel, String address) {
            this(channel, address, null);
        }

        /** Webhook URLs and secrets are credentials: never in a log line. */
        @Override
        public String toString() {
            return channel == Channel.EMAIL ? "Recipient[EMAIL " + address + "]" : "Recipient[" + channel + "]";
        }
    }

    /** Names every field, so that no caller passes two dozen arguments by position. */
    public static final class Builder {

        private UUID eventId = UUID.randomUUID();
        private String workspaceId;
        private Instant occurredAt = Instant.now();
        private UUID alertId;
        private UUID ruleId;
        private String ruleName;
        private AlertKind kind;
        private AlertState state = AlertState.RAISED;
        private Severity severity;
        private UUID connectionId;
        private Provider provider;
        private String connectionLabel;
        private String model;
        private String window;
        private BigDecimal observed;
        private BigDecimal threshold;
        private Unit unit;
        private Instant resetAt;
        private Instant forecastAt;
        private String reason;
        private List<Recipient> recipients = List.of();
        private String summary;
        private boolean test;

        private Builder() {
        }

        public Builder eventId(UUID eventId) { this.eventId = eventId; return this; }
        public Builder workspaceId(String workspaceId) { this.workspaceId = workspaceId; return this; }
        public Builder occurredAt(Instant occurredAt) { this.occurredAt = occurredAt; return this; }
        public Builder alertId(UUID alertId) { this.alertId = alertId; return this; }
        public Builder rule(UUID ruleId, String ruleName) { this.ruleId = ruleId; this.ruleName = ruleName; return this; }
        public Builder kind(AlertKind kind) { this.kind = kind; return this; }
        public Builder state(AlertState state) { this.state = state; return this; }
        public Builder severity(Severity severity) { this.severity = severity; return this; }
        public Builder connection(UUID connectionId, Provider provider, String label) {
            this.connectionId = connectionId;
            this.provider = provider;
            this.connectionLabel = label;
            return this;
        }
        public Builder provider(Provider provider) { this.provider = provider; return this; }
        public Builder model(String model) { this.model = model; return this; }
        public Builder window(String window) { this.window = window; return this; }
        public Builder measured(BigDecimal observed, BigDecimal threshold, Unit unit) {
            this.observed = observed;
            this.threshold = threshold;
            this.unit = unit;
            return this;
        }
        public Builder resetAt(Instant resetAt) { this.resetAt = resetAt; return this; }
        public Builder forecastAt(Instant forecastAt) { this.forecastAt = forecastAt; return this; }
        public Builder reason(String reason) { this.reason = reason; return this; }
        public Builder recipients(List<Recipient> recipients) { this.recipients = recipients; return this; }
        public Builder summary(String summary) { this.summary = summary; return this; }
        public Builder test(boolean test) { this.test = test; return this; }

        public AlertRaised build() {
            return new AlertRaised(eventId, workspaceId, occurredAt, SCHEMA_VERSION, alertId, ruleId, ruleName, kind,
                    state, severity, connectionId, provider, connectionLabel, model, window, observed, threshold, unit,
                    resetAt, forecastAt, reason, recipients, summary, test);
        }
    }
}
