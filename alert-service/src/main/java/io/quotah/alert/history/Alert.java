package io.quotah.alert.history;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.AlertState;
import io.quotah.contracts.events.AlertRaised.Severity;
import io.quotah.contracts.events.AlertRaised.Unit;
import io.quotah.contracts.events.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One alert of the history, as the API answers it: raised, perhaps resolved, perhaps acknowledged. */
public record Alert(
        UUID id,
        UUID ruleId,
        String ruleName,
        AlertKind kind,
        Severity severity,
        AlertState state,
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
        String summary,
        Instant raisedAt,
        Instant resolvedAt,
        Instant acknowledgedAt) {
}
