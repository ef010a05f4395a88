package io.quotah.alert.rules;

import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.Provider;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Rules made through the service, for tests of other features; each names only what it is about. */
public final class RuleFixtures {

    public static final String EMAIL = "oncall@example.com";

    private RuleFixtures() {
    }

    public static AlertRule rateLimit(Rules rules, String workspace, String threshold, int cooldownMinutes) {
        return rules.create(workspace, input("Past " + threshold + " %", AlertKind.RATE_LIMIT, null, null,
                new BigDecimal(threshold), null, null, null, null, null, cooldownMinutes)).rule();
    }

    public static AlertRule forecast(Rules rules, String workspace, int minutes) {
        return rules.create(workspace, input("Runs out within " + minutes + " min", AlertKind.EXHAUSTION_FORECAST,
                null, null, null, minutes, null, null, null, null, 60)).rule();
    }

    public static AlertRule budget(Rules rules, String workspace, String amount, List<Integer> thresholds,
            Provider provider) {
        return rules.create(workspace, input("Budget " + amount, AlertKind.BUDGET, null, provider, null, null,
                new BigDecimal(amount), thresholds, null, null, 60)).rule();
    }

    public static AlertRule spike(Rules rules, String workspace, String factor, String floor) {
        return rules.create(workspace, input("Spike " + factor, AlertKind.SPEND_SPIKE, null, null, null, null, null,
                null, new BigDecimal(factor), new BigDecimal(floor), 60)).rule();
    }

    public static AlertRule keyProblems(Rules rules, String workspace, UUID connection) {
        return rules.create(workspace, input("Key trouble", AlertKind.KEY_PROBLEM, connection, null, null, null, null,
                null, null, null, 60)).rule();
    }

    public static void switchOn(Rules rules, String workspace, UUID rule, boolean on) {
        rules.change(workspace, rule, new RuleChanges(null, null, on, null, null, null, null, null, null, null, null,
                null, null, null)).orElseThrow();
    }

    private static RuleInput input(String name, AlertKind kind, UUID connection, Provider provider,
            BigDecimal threshold, Integer forecastMinutes, BigDecimal amount, List<Integer> thresholds,
            BigDecimal factor, BigDecimal floor, int cooldownMinutes) {
        return new RuleInput(name, kind, true, connection, provider, null, null, threshold, null, forecastMinutes,
                amount, null, thresholds, factor, floor, (Set<KeyProblem>) null,
                List.of(new RuleInput.ChannelInput(Channel.EMAIL, EMAIL)), cooldownMinutes);
    }
}
