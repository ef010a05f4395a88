package io.quotah.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.notification.SampleAlerts;
import io.quotah.notification.message.AlertFacts;
import org.junit.jupiter.api.Test;

class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates();
    private final AlertRaised budget = SampleAlerts.budget("ws-1").rule(java.util.UUID.randomUUID(),
            "Budget <b>& co</b>").build();

    @Test
    void the_subject_says_the_severity_then_the_summary_or_resolved_or_test() {
        assertThat(render(budget).subject())
                .isEqualTo("[Quotah] CRITICAL: OpenAI spend this month is $412.50, past the $400.00 budget");
        assertThat(render(SampleAlerts.resolved(budget)).subject()).startsWith("[Quotah] Resolved: OpenAI spend");
        assertThat(render(SampleAlerts.copy(budget).test(true).build()).subject()).startsWith("[Quotah] Test: ");
    }

    @Test
    void text_and_html_carry_the_facts_with_units_and_both_links() {
        EmailMessage message = render(budget);

        assertThat(message.text()).contains("Rule: Budget <b>& co</b>", "Provider: OpenAI", "Budget period: 2026-12",
                "Observed: $412.50", "Threshold: $400.00", "Severity: CRITICAL",
                "Open in Quotah: http://localhost:8080/alerts?alert=" + budget.alertId(),
                "Unsubscribe from this rule: http://localhost:8080/unsub?token=t");
        assertThat(message.html()).contains("Budget &lt;b&gt;&amp; co&lt;/b&gt;", "$412.50", "$400.00",
                "href=\"http://localhost:8080/alerts?alert=" + budget.alertId() + "\"",
                "href=\"http://localhost:8080/unsub?token=t\"", "#D92D20")
                .doesNotContain("<b>& co");
        assertThat(message.headers()).containsEntry("List-Unsubscribe", "<http://localhost:8080/unsub?token=t>")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    @Test
    void a_rate_limit_email_shows_the_key_model_window_percentages_and_reset_time() {
        String text = render(SampleAlerts.rateLimit("ws-1").build()).text();

        assertThat(text).contains("Key: Production (Anthropic)", "Model: claude-sonnet-4-5", "Window: Input tokens",
                "Observed: 85.3 %", "Threshold: 80 %", "Resets at: 2026-12-01 14:05 UTC");
    }

    private EmailMessage render(AlertRaised alert) {
        return templates.render(AlertFacts.of(alert, "http://localhost:8080"), "ops@example.com",
                "http://localhost:8080/unsub?token=t");
    }
}
