package io.quotah.alert.history;

import io.quotah.contracts.events.AlertRaised.Severity;
import io.quotah.contracts.events.AlertRaised.Unit;
import io.quotah.contracts.events.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What a rule found when its condition holds: how bad, about what, the value against the threshold, and one
 * sentence for a person. Made with {@link #of} and the {@code with...} steps.
 */
public record Finding(
        Severity severity,
        String summary,
        UUID connectionId,
        Provider provider,
        String connectionLabel,
        String model,
        String window,
        BigDecimal observed,
        BigDecimal threshold,
        Unit unit,
        Instant resetAt,
        Instant forecastAt,
        String reason) {

    public static Finding of(Severity severity, String summary) {
        return new Finding(severity, summary, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Finding aboutKey(UUID connection, Provider keyProvider, String label) {
        return new Finding(severity, summary, connection, keyProvider, label, model, window, observed, threshold, unit,
                resetAt, forecastAt, reason);
    }

    public Finding aboutProvider(Provider spendProvider) {
        return new Finding(severity, summary, connectionId, spendProvider, connectionLabel, model, window, observed,
                threshold, unit, resetAt, forecastAt, reason);
    }

    public Finding inWindow(String windowModel, String windowName) {
        return new Finding(severity, summary, connectionId, provider, connectionLabel, windowModel, windowName, observed,
                threshold, unit, resetAt, forecastAt, reason);
    }

    public Finding measured(BigDecimal value, BigDecimal limit, Unit valueUnit) {
        return new Finding(severity, summary, connectionId, provider, connectionLabel, model, window, value, limit,
                valueUnit, resetAt, forecastAt, reason);
    }

    public Finding timed(Instant windowResetAt, Instant runsOutAt) {
        return new Finding(severity, summary, connectionId, provider, connectionLabel, model, window, observed,
                threshold, unit, windowResetAt, runsOutAt, reason);
    }

    public Finding because(String why) {
        return new Finding(severity, summary, connectionId, provider, connectionLabel, model, window, observed,
                threshold, unit, resetAt, forecastAt, why);
    }
}
