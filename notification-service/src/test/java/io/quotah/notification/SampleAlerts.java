package io.quotah.notification;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Recipient;
import io.quotah.contracts.events.AlertRaised.Severity;
import io.quotah.contracts.events.AlertRaised.Unit;
import io.quotah.contracts.events.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Alerts as alert-service raises them, for the tests to vary. */
public final class SampleAlerts {

    public static final Instant RESET_AT = Instant.parse("2026-12-01T14:05:00Z");

    private SampleAlerts() {
    }

    /** A RATE_LIMIT alert: 85.3 % of the Production key's tokens window used, against an 80 % threshold. */
    public static AlertRaised.Builder rateLimit(String workspace, Recipient... recipients) {
        return AlertRaised.builder().workspaceId(workspace).alertId(UUID.randomUUID())
                .rule(UUID.randomUUID(), "Tokens nearly out").kind(AlertKind.RATE_LIMIT).severity(Severity.WARNING)
                .connection(UUID.randomUUID(), Provider.ANTHROPIC, "Production").model("claude-sonnet-4-5")
                .window("INPUT_TOKENS").measured(new BigDecimal("85.30"), new BigDecimal("80"), Unit.PERCENT)
                .resetAt(RESET_AT).recipients(List.of(recipients))
                .summary("Production is at 85.3 % of its input tokens per minute on claude-sonnet-4-5");
    }

    /** A BUDGET alert: $412.50 spent this month against a $400.00 budget. */
    public static AlertRaised.Builder budget(String workspace, Recipient... recipients) {
        return AlertRaised.builder().workspaceId(workspace).alertId(UUID.randomUUID())
                .rule(UUID.randomUUID(), "Monthly budget").kind(AlertKind.BUDGET).severity(Severity.CRITICAL)
                .provider(Provider.OPENAI).window("2026-12")
                .measured(new BigDecimal("412.5"), new BigDecimal("400.00"), Unit.USD)
                .recipients(List.of(recipients))
                .summary("OpenAI spend this month is $412.50, past the $400.00 budget");
    }

    /** The same alert cleared: same alert and rule, a new event. */
    public static AlertRaised resolved(AlertRaised raised) {
        return copy(raised).eventId(UUID.randomUUID()).state(AlertRaised.AlertState.RESOLVED)
                .occurredAt(raised.occurredAt().plusSeconds(600)).build();
    }

    /** Every field of {@code alert}, to change some. */
    public static AlertRaised.Builder copy(AlertRaised alert) {
        return AlertRaised.builder().eventId(alert.eventId()).workspaceId(alert.workspaceId())
                .occurredAt(alert.occurredAt()).alertId(alert.alertId()).rule(alert.ruleId(), alert.ruleName())
                .kind(alert.kind()).state(alert.state()).severity(alert.severity())
                .connection(alert.connectionId(), alert.provider(), alert.connectionLabel()).model(alert.model())
                .window(alert.window()).measured(alert.observed(), alert.threshold(), alert.unit())
                .resetAt(alert.resetAt()).forecastAt(alert.forecastAt()).reason(alert.reason())
                .recipients(alert.recipients()).summary(alert.summary()).test(alert.test());
    }
}
