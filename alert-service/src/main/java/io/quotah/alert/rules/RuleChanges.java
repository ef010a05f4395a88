package io.quotah.alert.rules;

import io.quotah.contracts.events.AlertRaised.AlertKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A partial update: the fields it names replace the rule's, the rest stay. Scope fields (key, provider, window,
 * model) are changed by replacing the whole rule (PUT), where leaving one out means "every".
 */
record RuleChanges(
        String name,
        AlertKind kind,
        Boolean enabled,
        BigDecimal thresholdPercent,
        BigDecimal criticalPercent,
        Integer forecastMinutes,
        BigDecimal budgetAmount,
        BudgetPeriod budgetPeriod,
        List<Integer> budgetThresholds,
        BigDecimal spikeFactor,
        BigDecimal spikeFloor,
        Set<KeyProblem> problems,
        List<RuleInput.ChannelInput> channels,
        Integer cooldownMinutes) {
}
