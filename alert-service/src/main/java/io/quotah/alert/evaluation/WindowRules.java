package io.quotah.alert.evaluation;

import io.quotah.alert.config.AlertSettings;
import io.quotah.alert.connections.KnownConnections;
import io.quotah.alert.connections.KnownConnections.KnownConnection;
import io.quotah.alert.history.Finding;
import io.quotah.alert.observations.WindowObservations;
import io.quotah.alert.observations.WindowObservations.WindowReading;
import io.quotah.alert.rules.AlertRule;
import io.quotah.alert.rules.Rules;
import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Severity;
import io.quotah.contracts.events.AlertRaised.Unit;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.headroom.BurnRate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rate-limit and exhaustion-forecast rules, evaluated for one key from its newest window readings. One alert per rule
 * and key, about the window that is worst at the moment it fires.
 */
@Component
class WindowRules {

    static final Set<AlertKind> KINDS = EnumSet.of(AlertKind.RATE_LIMIT, AlertKind.EXHAUSTION_FORECAST);

    private final Rules rules;
    private final WindowObservations observations;
    private final KnownConnections connections;
    private final Conditions conditions;
    private final AlertSettings settings;

    WindowRules(Rules rules, WindowObservations observations, KnownConnections connections, Conditions conditions,
            AlertSettings settings) {
        this.rules = rules;
        this.observations = observations;
        this.connections = connections;
        this.conditions = conditions;
        this.settings = settings;
    }

    @Transactional
    void evaluate(String workspaceId, UUID connectionId, Provider provider, Instant now) {
        List<AlertRule> watching = rules.enabled(workspaceId, KINDS).stream()
                .filter(rule -> rule.watches(connectionId)).toList();
        if (watching.isEmpty()) {
            return;
        }
        List<WindowReading> windows = observations.windows(workspaceId, connectionId);
        Optional<KnownConnection> known = connections.find(workspaceId, connectionId);
        String key = Wording.key(known.map(KnownConnection::label).orElse(null), provider, connectionId);
        for (AlertRule rule : watching) {
            List<WindowReading> matching = windows.stream().filter(window -> matches(rule, window)).toList();
            Optional<Finding> finding = rule.kind() == AlertKind.RATE_LIMIT ? used(rule, matching, key, now)
                    : runningOut(rule, matching, key, now);
            conditions.settle(rule, connectionId.toString(),
                    finding.map(found -> found.aboutKey(connectionId, provider,
                            known.map(KnownConnection::label).orElse(null))), now);
        }
    }

    /** A key no longer watched: whatever its windows had raised is over. */
    @Transactional
    void evaluateRemoved(String workspaceId, UUID connectionId, Instant now) {
        for (AlertRule rule : rules.enabled(workspaceId, KINDS)) {
            conditions.settle(rule, connectionId.toString(), Optional.empty(), now);
        }
    }

    private static boolean matches(AlertRule rule, WindowReading window) {
        return (rule.windowKind() == null || rule.windowKind() == window.kind())
                && (rule.model() == null || rule.model().equalsIgnoreCase(window.model()));
    }

    private static Optional<Finding> used(AlertRule rule, List<WindowReading> windows, String key, Instant now) {
        return windows.stream()
                .max(Comparator.comparing((WindowReading window) -> window.usedPercent(now)))
                .filter(worst -> worst.usedPercent(now).compareTo(rule.thresholdPercent()) >= 0)
                .map(worst -> {
                    BigDecimal used = worst.usedPercent(now);
                    Severity severity = used.compareTo(rule.criticalPercent()) >= 0 ? Severity.CRITICAL
                            : Severity.WARNING;
                    String summary = key + ": " + Wording.window(worst.kind()) + onModel(worst) + " at "
                            + Wording.percent(used) + " used, past the " + Wording.percent(rule.thresholdPercent())
                            + " threshold";
                    return Finding.of(severity, summary)
                            .inWindow(worst.model(), worst.kind().name())
                            .measured(used, rule.thresholdPercent(), Unit.PERCENT)
                            .timed(worst.resetAt(), null);
                });
    }

    private Optional<Finding> runningOut(AlertRule rule, List<WindowReading> windows, String key, Instant now) {
        Instant horizon = now.plus(Duration.ofMinutes(rule.forecastMinutes()));
        Finding soonest = null;
        Instant soonestAt = null;
        for (WindowReading window : windows) {
            if (window.resetAt() != null && !window.resetAt().isAfter(now)) {
                continue; // past its reset: full again
            }
            Optional<Instant> exhausts = BurnRate.exhaustsAt(observations.samples(window.connectionId(),
                    window.model(), window.kind(), now.minus(settings.forecastLookback())), now,
                    settings.forecastLookback());
            if (exhausts.isEmpty() || exhausts.get().isAfter(horizon)
                    || soonestAt != null && !exhausts.get().isBefore(soonestAt)) {
                continue;
            }
            soonestAt = exhausts.get();
            boolean exhausted = window.remaining() == 0;
            Duration left = Duration.between(now, soonestAt);
            String summary = key + ": " + Wording.window(window.kind()) + onModel(window)
                    + (exhausted ? " are exhausted" : " run out in about " + Wording.minutes(left)
                    + " at the current pace") + " (alert within " + rule.forecastMinutes() + " min)";
            soonest = Finding.of(exhausted ? Severity.CRITICAL : Severity.WARNING, summary)
                    .inWindow(window.model(), window.kind().name())
                    .measured(BigDecimal.valueOf(Math.max(0, left.toSeconds())),
                            BigDecimal.valueOf(rule.forecastMinutes() * 60L), Unit.SECONDS)
                    .timed(window.resetAt(), soonestAt);
        }
        return Optional.ofNullable(soonest);
    }

    private static String onModel(WindowReading window) {
        return window.model() == null ? "" : " of " + window.model();
    }
}
