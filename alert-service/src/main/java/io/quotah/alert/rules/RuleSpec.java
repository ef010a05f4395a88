package io.quotah.alert.rules;

import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A rule's settings, checked and with defaults filled: what {@link RuleInput#check} makes of a request. */
record RuleSpec(
        String name,
        AlertKind kind,
        boolean enabled,
        UUID connectionId,
        Provider provider,
        WindowKind windowKind,
        String model,
        BigDecimal thresholdPercent,
        BigDecimal criticalPercent,
        Integer forecastMinutes,
        BigDecimal budgetAmount,
        BudgetPeriod budgetPeriod,
        List<Integer> budgetThresholds,
        BigDecimal spikeFactor,
        BigDecimal spikeFloor,
        Set<KeyProblem> problems,
        List<ChannelSpec> channels,
        int cooldownMinutes) {

    record ChannelSpec(Channel type, String target) {
    }
}
