package io.quotah.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Channel;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleInputTest {

    @Test
    void rejects_a_threshold_above_100_percent() {
        assertThat(fields(rateLimit("100.5", List.of(email("ops@example.com"))), false))
                .containsExactly("thresholdPercent");
    }

    @Test
    void fills_the_defaults_a_user_left_out() {
        RuleSpec spec = rateLimit("96", List.of(email("Ops@Example.com"))).check(false);

        assertThat(spec.criticalPercent()).isEqualByComparingTo("96");
        assertThat(spec.cooldownMinutes()).isEqualTo(60);
        assertThat(spec.enabled()).isTrue();
        assertThat(spec.channels()).containsExactly(new RuleSpec.ChannelSpec(Channel.EMAIL, "ops@example.com"));
    }

    @Test
    void takes_http_webhooks_only_to_this_machine_and_only_in_development() {
        RuleInput local = rateLimit("80", List.of(new RuleInput.ChannelInput(Channel.WEBHOOK, "http://localhost:9000/x")));
        RuleInput remote = rateLimit("80", List.of(new RuleInput.ChannelInput(Channel.SLACK, "http://hooks.slack.com/x")));

        assertThat(local.check(true).channels()).hasSize(1);
        assertThat(fields(local, false)).containsExactly("channels[0].target");
        assertThat(fields(remote, true)).containsExactly("channels[0].target");
    }

    @Test
    void refuses_the_fields_of_another_kind_and_requires_its_own() {
        RuleInput budget = new RuleInput("Budget", AlertKind.BUDGET, null, null, null, null, null, new BigDecimal("80"),
                null, null, null, null, List.of(50, 50), null, null, null, List.of(email("a@b.co")), null);

        assertThat(fields(budget, false)).containsExactlyInAnyOrder("budgetAmount", "budgetThresholds",
                "thresholdPercent");
    }

    @Test
    void sorts_budget_thresholds_and_defaults_to_80_and_100_percent_of_a_month() {
        RuleInput budget = new RuleInput("Budget", AlertKind.BUDGET, null, null, null, null, null, null, null, null,
                new BigDecimal("500.00"), null, null, null, null, null, List.of(email("a@b.co")), null);

        RuleSpec spec = budget.check(false);
        assertThat(spec.budgetThresholds()).containsExactly(80, 100);
        assertThat(spec.budgetPeriod()).isEqualTo(BudgetPeriod.MONTH);
    }

    private static RuleInput rateLimit(String threshold, List<RuleInput.ChannelInput> channels) {
        return new RuleInput("Hot keys", AlertKind.RATE_LIMIT, null, null, null, null, null, new BigDecimal(threshold),
                null, null, null, null, null, null, null, null, channels, null);
    }

    private static RuleInput.ChannelInput email(String address) {
        return new RuleInput.ChannelInput(Channel.EMAIL, address);
    }

    private static List<String> fields(RuleInput input, boolean allowHttpLocalhost) {
        try {
            input.check(allowHttpLocalhost);
        } catch (InvalidRuleException e) {
            return e.errors().stream().map(error -> error.get("field")).toList();
        }
        return List.of();
    }
}
