package io.quotah.notification.message;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.AlertState;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert as every channel words it: the subject, the headline, the facts in reading order with their
 * units, the severity's color and the dashboard link. Email, Slack and Discord all show the same facts.
 */
public final class AlertFacts {

    private static final int MAX_SUMMARY = 300;

    private final AlertRaised alert;
    private final String dashboardUrl;

    private AlertFacts(AlertRaised alert, String dashboardUrl) {
        this.alert = alert;
        this.dashboardUrl = dashboardUrl;
    }

    /** @param baseUrl where people open Quotah, without a trailing slash */
    public static AlertFacts of(AlertRaised alert, String baseUrl) {
        return new AlertFacts(alert, baseUrl + "/alerts?alert=" + alert.alertId());
    }

    public AlertRaised alert() {
        return alert;
    }

    /** {@code WARNING}, {@code CRITICAL}, {@code INFO}; or {@code Resolved}, or {@code Test}. */
    public String label() {
        if (alert.test()) {
            return "Test";
        }
        return alert.state() == AlertState.RESOLVED ? "Resolved" : alert.severity().name();
    }

    /** {@code [Quotah] WARNING: <summary>}, {@code [Quotah] Resolved: ...}, {@code [Quotah] Test: ...}. */
    public String subject() {
        return "[Quotah] " + label() + ": " + summary();
    }

    /** The summary on one line (it becomes a mail header), cut to a readable length. */
    public String summary() {
        String line = alert.summary().replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= MAX_SUMMARY ? line : line.substring(0, MAX_SUMMARY - 1) + "…";
    }

    public String ruleName() {
        return alert.ruleName() == null ? "an alert rule" : alert.ruleName();
    }

    /** The sentence under the headline: what happened, in words that fit RAISED, RESOLVED or a test. */
    public String wording() {
        if (alert.test()) {
            return "This is a test message from the rule \"" + ruleName()
                    + "\": it checks that this channel works. Nothing needs your attention.";
        }
        if (alert.state() == AlertState.RESOLVED) {
            return "The condition of \"" + ruleName() + "\" has cleared. The alert is resolved.";
        }
        return "\"" + ruleName() + "\" fired with severity " + alert.severity().name() + ".";
    }

    public String severity() {
        return alert.severity().name();
    }

    public boolean resolved() {
        return alert.state() == AlertState.RESOLVED;
    }

    public String dashboardUrl() {
        return dashboardUrl;
    }

    /** Red for CRITICAL, amber for WARNING, blue for INFO, green once resolved: as {@code #RRGGBB}. */
    public String color() {
        return String.format("#%06X", colorValue());
    }

    public int colorValue() {
        if (alert.state() == AlertState.RESOLVED && !alert.test()) {
            return 0x12B76A;
        }
        return switch (alert.severity()) {
            case CRITICAL -> 0xD92D20;
            case WARNING -> 0xF79009;
            case INFO -> 0x2E90FA;
        };
    }

    /** What the alert is about, in reading order; facts the alert does not have are left out. */
    public List<Fact> facts() {
        List<Fact> facts = new ArrayList<>();
        add(facts, "Rule", alert.ruleName());
        add(facts, "Kind", HumanFormat.kind(alert.kind()));
        add(facts, "Severity", alert.severity().name());
        String provider = HumanFormat.provider(alert.provider());
        if (alert.connectionLabel() != null) {
            add(facts, "Key", alert.connectionLabel() + (provider == null ? "" : " (" + provider + ")"));
        } else {
            add(facts, "Provider", provider);
        }
        add(facts, "Model", alert.model());
        add(facts, alert.kind() == AlertKind.BUDGET ? "Budget period" : "Window", HumanFormat.window(alert.window()));
        add(facts, "Observed", HumanFormat.amount(alert.observed(), alert.unit()));
        add(facts, "Threshold", HumanFormat.amount(alert.threshold(), alert.unit()));
        add(facts, "Resets at", HumanFormat.instant(alert.resetAt()));
        add(facts, "Runs out at", HumanFormat.instant(alert.forecastAt()));
        add(facts, "Reason", alert.reason());
        add(facts, alert.test() ? "Sent at" : resolved() ? "Resolved at" : "Raised at",
                HumanFormat.instant(alert.occurredAt()));
        return List.copyOf(facts);
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }

    /** One labelled line of a message. */
    public record Fact(String label, String value) {
    }
}
