package io.quotah.alert.evaluation;

import io.quotah.alert.config.AlertSettings;
import io.quotah.alert.connections.KnownConnections;
import io.quotah.alert.connections.KnownConnections.KnownConnection;
import io.quotah.alert.history.Finding;
import io.quotah.alert.rules.AlertRule;
import io.quotah.alert.rules.KeyProblem;
import io.quotah.alert.rules.Rules;
import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Severity;
import io.quotah.contracts.events.AlertRaised.Unit;
import io.quotah.contracts.events.ConnectionChanged;
import io.quotah.contracts.events.Provider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key-problem rules: a key the provider refuses, an account out of quota (both from ConnectionChanged), and a key
 * whose probes went quiet (none answered for three polling intervals, seen by the timed pass). One subject per key
 * and problem.
 */
@Component
class KeyProblemRules {

    static final Set<AlertKind> KINDS = EnumSet.of(AlertKind.KEY_PROBLEM);

    private final Rules rules;
    private final KnownConnections connections;
    private final Conditions conditions;
    private final AlertSettings settings;

    KeyProblemRules(Rules rules, KnownConnections connections, Conditions conditions, AlertSettings settings) {
        this.rules = rules;
        this.connections = connections;
        this.conditions = conditions;
        this.settings = settings;
    }

    /** A refusal or a spend cap raises; a key that works again, or is removed, clears both. */
    @Transactional
    void changed(ConnectionChanged changed, Instant now) {
        Optional<KeyProblem> problem = switch (changed.change()) {
            case INVALID -> Optional.of(KeyProblem.INVALID);
            case OUT_OF_QUOTA -> Optional.of(KeyProblem.OUT_OF_QUOTA);
            case VALIDATED, REMOVED -> Optional.empty();
            case ADDED -> null;
        };
        if (problem == null) {
            return;
        }
        String key = Wording.key(changed.label(), changed.provider(), changed.connectionId());
        for (AlertRule rule : watching(changed.workspaceId(), changed.connectionId())) {
            for (KeyProblem kind : EnumSet.of(KeyProblem.INVALID, KeyProblem.OUT_OF_QUOTA)) {
                boolean found = problem.isPresent() && problem.get() == kind && rule.problems().contains(kind);
                conditions.settle(rule, subject(changed.connectionId(), kind), found
                        ? Optional.of(finding(kind, key, changed.reason())
                                .aboutKey(changed.connectionId(), changed.provider(), changed.label()))
                        : Optional.empty(), now);
            }
            if (changed.change() == ConnectionChanged.Change.REMOVED) {
                conditions.settle(rule, subject(changed.connectionId(), KeyProblem.STALE), Optional.empty(), now);
            }
        }
    }

    /**
     * Whether a probed key went quiet: raised when its last probe answered too long ago (three polling intervals),
     * cleared when a probe answers again.
     */
    @Transactional
    void heardFrom(String workspaceId, UUID connectionId, Provider provider, Instant lastHeard, Instant now) {
        Optional<KnownConnection> known = connections.find(workspaceId, connectionId);
        if (known.isPresent() && known.get().removed()) {
            return;
        }
        Duration staleAfter = known.map(connection -> connection.staleAfter(settings.staleFloor()))
                .orElse(settings.staleFloor());
        Duration silent = Duration.between(lastHeard, now);
        String label = known.map(KnownConnection::label).orElse(null);
        for (AlertRule rule : watching(workspaceId, connectionId)) {
            boolean stale = rule.problems().contains(KeyProblem.STALE) && silent.compareTo(staleAfter) >= 0;
            conditions.settle(rule, subject(connectionId, KeyProblem.STALE), stale
                    ? Optional.of(Finding.of(Severity.WARNING, Wording.key(label, provider, connectionId)
                                    + " has not answered a probe for " + Wording.minutes(silent)
                                    + " (stale after " + Wording.minutes(staleAfter) + ")")
                            .aboutKey(connectionId, provider, label)
                            .inWindow(null, KeyProblem.STALE.name())
                            .measured(BigDecimal.valueOf(silent.toSeconds()), BigDecimal.valueOf(staleAfter.toSeconds()),
                                    Unit.SECONDS)
                            .because("no probe answered since " + lastHeard))
                    : Optional.empty(), now);
        }
    }

    private List<AlertRule> watching(String workspaceId, UUID connectionId) {
        return rules.enabled(workspaceId, KINDS).stream().filter(rule -> rule.watches(connectionId)).toList();
    }

    private static Finding finding(KeyProblem problem, String key, String reason) {
        String said = reason == null || reason.isBlank() ? "" : ": " + reason;
        Finding found = switch (problem) {
            case INVALID -> Finding.of(Severity.CRITICAL, key + " is refused by the provider" + said);
            case OUT_OF_QUOTA -> Finding.of(Severity.CRITICAL, key + " is out of quota or past its spend cap" + said);
            case STALE -> throw new IllegalArgumentException("stale keys are found by the timed pass");
        };
        return found.inWindow(null, problem.name()).because(reason);
    }

    static String subject(UUID connectionId, KeyProblem problem) {
        return connectionId + ":" + problem.name();
    }
}
