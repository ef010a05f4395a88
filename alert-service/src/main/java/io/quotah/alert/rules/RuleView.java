package io.quotah.alert.rules;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.contracts.serde.PlainDecimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A rule as the API answers it: money and percents as plain decimal strings, webhook secrets only when new. */
record RuleView(
        UUID id,
        String name,
        AlertKind kind,
        boolean enabled,
        UUID connectionId,
        Provider provider,
        WindowKind windowKind,
        String model,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal thresholdPercent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal criticalPercent,
        Integer forecastMinutes,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal budgetAmount,
        BudgetPeriod budgetPeriod,
        List<Integer> budgetThresholds,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spikeFactor,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spikeFloor,
        Set<KeyProblem> problems,
        List<ChannelView> channels,
        int cooldownMinutes,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * @param secretHint the first characters and the last four of a webhook's secret
     * @param signingSecret a webhook's whole secret, only in the answer that made it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChannelView(Channel type, String target, String secretHint, String signingSecret) {
    }

    static RuleView of(AlertRule rule) {
        return of(rule, Map.of());
    }

    static RuleView of(AlertRule rule, Map<String, String> newSecrets) {
        List<ChannelView> channels = rule.channels().stream().map(channel -> new ChannelView(channel.type(),
                channel.target(), hint(channel.signingSecret()),
                channel.type() == Channel.WEBHOOK ? newSecrets.get(channel.target()) : null)).toList();
        return new RuleView(rule.id(), rule.name(), rule.kind(), rule.enabled(), rule.connectionId(), rule.provider(),
                rule.windowKind(), rule.model(), PlainDecimals.trimmed(rule.thresholdPercent()),
                PlainDecimals.trimmed(rule.criticalPercent()), rule.forecastMinutes(),
                PlainDecimals.trimmed(rule.budgetAmount()), rule.budgetPeriod(),
                rule.kind() == AlertKind.BUDGET ? rule.budgetThresholds() : null,
                PlainDecimals.trimmed(rule.spikeFactor()), PlainDecimals.trimmed(rule.spikeFloor()),
                rule.kind() == AlertKind.KEY_PROBLEM ? rule.problems() : null, channels,
                (int) rule.cooldown().toMinutes(), rule.createdAt(), rule.updatedAt());
    }

    private static String hint(String secret) {
        return secret == null ? null : "whsec_…" + secret.substring(secret.length() - 4);
    }
}
