package io.quotah.alert.evaluation;

import io.quotah.alert.connections.KnownConnections;
import io.quotah.alert.history.Finding;
import io.quotah.alert.rules.AlertRule;
import io.quotah.alert.rules.BudgetPeriod;
import io.quotah.alert.rules.Rules;
import io.quotah.alert.spend.SpendLedger;
import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Severity;
import io.quotah.contracts.events.AlertRaised.Unit;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.serde.PlainDecimals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget and spend-spike rules, evaluated from the spend ledger whenever usage arrives (and by the timed pass when a
 * period ends). Budgets are exact: the ledger replaces a revised bucket and ignores a replayed one.
 */
@Component
class SpendRules {

    static final Set<AlertKind> KINDS = EnumSet.of(AlertKind.BUDGET, AlertKind.SPEND_SPIKE);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HOURS_IN_A_WEEK = BigDecimal.valueOf(168);

    private final Rules rules;
    private final SpendLedger ledger;
    private final KnownConnections connections;
    private final Conditions conditions;

    SpendRules(Rules rules, SpendLedger ledger, KnownConnections connections, Conditions conditions) {
        this.rules = rules;
        this.ledger = ledger;
        this.connections = connections;
        this.conditions = conditions;
    }

    /** Evaluates the workspace's spend rules that usage of this provider and key can move. */
    @Transactional
    void evaluate(String workspaceId, Provider provider, UUID connectionId, Instant now) {
        for (AlertRule rule : rules.enabled(workspaceId, KINDS)) {
            if ((rule.provider() == null || rule.provider() == provider) && rule.watches(connectionId)) {
                evaluate(rule, now);
            }
        }
    }

    @Transactional
    void evaluate(AlertRule rule, Instant now) {
        if (rule.kind() == AlertKind.BUDGET) {
            budget(rule, now);
        } else {
            spike(rule, now);
        }
    }

    /**
     * One subject per threshold and period. When spend passes several thresholds at once, only the highest raises an
     * alert; the lower ones are marked as passed, so nobody gets three messages for one jump.
     */
    private void budget(AlertRule rule, Instant now) {
        BudgetPeriod period = rule.budgetPeriod();
        String periodName = period.name(now);
        for (String subject : conditions.activeSubjects(rule.id())) {
            if (!subject.startsWith(periodName + "@")) {
                conditions.settle(rule, subject, Optional.empty(), now); // a period that ended
            }
        }
        BigDecimal spent = ledger.spend(rule.workspaceId(), period.start(now), period.end(now), rule.provider(),
                rule.connectionId());
        BigDecimal percent = spent.multiply(HUNDRED).divide(rule.budgetAmount(), 1, RoundingMode.DOWN);
        List<Integer> thresholds = rule.budgetThresholds();
        Integer highestPassed = thresholds.stream().filter(t -> percent.compareTo(BigDecimal.valueOf(t)) >= 0)
                .reduce((a, b) -> b).orElse(null);
        List<String> active = conditions.activeSubjects(rule.id());
        for (int threshold : thresholds) {
            String subject = periodName + "@" + threshold;
            boolean passed = percent.compareTo(BigDecimal.valueOf(threshold)) >= 0;
            if (passed && highestPassed != threshold) {
                if (!active.contains(subject)) {
                    conditions.holdQuietly(rule, subject);
                }
                continue;
            }
            conditions.settle(rule, subject, passed ? Optional.of(budgetFinding(rule, scope(rule), periodName, spent,
                    percent, threshold)) : Optional.empty(), now);
        }
    }

    private static Finding budgetFinding(AlertRule rule, String scope, String periodName, BigDecimal spent,
            BigDecimal percent, int threshold) {
        BigDecimal thresholdAmount = rule.budgetAmount().multiply(BigDecimal.valueOf(threshold))
                .divide(HUNDRED, MathContext.DECIMAL64);
        String summary = "Spend" + scope + " for " + periodName + " is " + Wording.usd(spent) + ", "
                + Wording.percent(percent) + " of the " + Wording.usd(rule.budgetAmount()) + " budget (threshold "
                + threshold + " %)";
        return Finding.of(percent.compareTo(HUNDRED) >= 0 ? Severity.CRITICAL : Severity.WARNING, summary)
                .aboutKey(rule.connectionId(), rule.provider(), null)
                .inWindow(null, periodName)
                .measured(PlainDecimals.trimmed(spent.setScale(6, RoundingMode.HALF_UP)),
                        PlainDecimals.trimmed(thresholdAmount),
                        Unit.USD);
    }

    /**
     * The last hour is the larger of the hour so far and the hour before it, so a spike is seen as soon as it starts
     * and does not clear at the turn of the hour; the baseline is the average hour of the seven days before.
     */
    private void spike(AlertRule rule, Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant previous = hour.minus(Duration.ofHours(1));
        BigDecimal current = ledger.hourlyComputedSpend(rule.workspaceId(), hour, hour.plus(Duration.ofHours(1)),
                rule.provider(), rule.connectionId());
        BigDecimal before = ledger.hourlyComputedSpend(rule.workspaceId(), previous, hour, rule.provider(),
                rule.connectionId());
        BigDecimal lastHour = current.max(before);
        BigDecimal average = ledger.hourlyComputedSpend(rule.workspaceId(), previous.minus(Duration.ofDays(7)),
                previous, rule.provider(), rule.connectionId()).divide(HOURS_IN_A_WEEK, MathContext.DECIMAL64);
        BigDecimal bar = average.multiply(rule.spikeFactor());
        boolean spiking = lastHour.compareTo(rule.spikeFloor()) >= 0 && lastHour.compareTo(bar) >= 0
                && lastHour.signum() > 0;
        Optional<Finding> finding = Optional.empty();
        if (spiking) {
            String times = average.signum() == 0 ? "with no spend in the 7 days before"
                    : PlainDecimals.trimmed(lastHour.divide(average, 1, RoundingMode.DOWN)).toPlainString()
                    + " × the 7-day hourly average of " + Wording.usd(average);
            String summary = "Spend" + scope(rule) + " in the last hour is " + Wording.usd(lastHour) + ", " + times
                    + " (alert at " + PlainDecimals.trimmed(rule.spikeFactor()).toPlainString() + " ×, from "
                    + Wording.usd(rule.spikeFloor()) + ")";
            finding = Optional.of(Finding.of(Severity.WARNING, summary)
                    .aboutKey(rule.connectionId(), rule.provider(), null)
                    .inWindow(null, "LAST_HOUR")
                    .measured(PlainDecimals.trimmed(lastHour.setScale(6, RoundingMode.HALF_UP)),
                            PlainDecimals.trimmed(bar.max(rule.spikeFloor()).setScale(6, RoundingMode.HALF_UP)),
                            Unit.USD));
        }
        conditions.settle(rule, "spike", finding, now);
    }

    /** Whose spend: the workspace's, a provider's, or one key's by its label. */
    private String scope(AlertRule rule) {
        String provider = rule.provider() == null ? "" : " on " + Wording.provider(rule.provider());
        if (rule.connectionId() == null) {
            return provider;
        }
        String label = connections.find(rule.workspaceId(), rule.connectionId())
                .map(KnownConnections.KnownConnection::label).orElse(null);
        return provider + " of " + Wording.key(label, null, rule.connectionId());
    }
}
