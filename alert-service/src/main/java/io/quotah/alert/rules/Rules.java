package io.quotah.alert.rules;

import io.quotah.alert.config.AlertSettings;
import io.quotah.contracts.events.AlertRaised.AlertKind;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A workspace's alert rules: made, changed and deleted here, read by the evaluation. */
@Service
public class Rules {

    /** More than any team needs; a bound so that one workspace cannot make evaluation slow for all. */
    static final int MOST_RULES_PER_WORKSPACE = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AlertRuleRepository repository;
    private final ApplicationEventPublisher events;
    private final AlertSettings settings;
    private final Clock clock;

    Rules(AlertRuleRepository repository, ApplicationEventPublisher events, AlertSettings settings, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new rule, with the secrets of its new webhooks (by URL), which are shown this once. */
    @Transactional
    Made create(String workspaceId, RuleInput input) {
        RuleSpec spec = input.check(settings.allowHttpLocalhost());
        if (repository.countByWorkspaceId(workspaceId) >= MOST_RULES_PER_WORKSPACE) {
            throw new InvalidRuleException(List.of(new RuleInput.FieldProblem("name",
                    "cannot be added: a workspace has at most " + MOST_RULES_PER_WORKSPACE + " rules")));
        }
        Map<String, String> newSecrets = new HashMap<>();
        AlertRule rule = repository.save(new AlertRule(workspaceId, spec, clock.instant(), remembering(newSecrets)));
        return new Made(rule, newSecrets);
    }

    /** Replaces every setting but the kind; empty when the workspace has no such rule. */
    @Transactional
    Optional<Made> replace(String workspaceId, UUID id, RuleInput input) {
        return repository.findByIdAndWorkspaceId(id, workspaceId).map(rule -> {
            if (input.kind() != null && input.kind() != rule.kind()) {
                throw new InvalidRuleException(List.of(new RuleInput.FieldProblem("kind",
                        "cannot change; delete the rule and make a new one")));
            }
            RuleInput whole = input.kind() == null ? input.ofKind(rule.kind()) : input;
            Map<String, String> newSecrets = new HashMap<>();
            boolean wasEnabled = rule.enabled();
            rule.apply(whole.check(settings.allowHttpLocalhost()), clock.instant(), remembering(newSecrets));
            stoppedIf(wasEnabled, rule);
            return new Made(repository.saveAndFlush(rule), newSecrets);
        });
    }

    /** Changes the fields {@code changes} names; empty when the workspace has no such rule. */
    @Transactional
    Optional<Made> change(String workspaceId, UUID id, RuleChanges changes) {
        return repository.findByIdAndWorkspaceId(id, workspaceId).map(rule -> {
            if (changes.kind() != null && changes.kind() != rule.kind()) {
                throw new InvalidRuleException(List.of(new RuleInput.FieldProblem("kind",
                        "cannot change; delete the rule and make a new one")));
            }
            RuleSpec spec = RuleInput.of(rule.spec()).with(changes).check(settings.allowHttpLocalhost());
            Map<String, String> newSecrets = new HashMap<>();
            boolean wasEnabled = rule.enabled();
            rule.apply(spec, clock.instant(), remembering(newSecrets));
            stoppedIf(wasEnabled, rule);
            return new Made(repository.saveAndFlush(rule), newSecrets);
        });
    }

    @Transactional
    boolean delete(String workspaceId, UUID id) {
        return repository.findByIdAndWorkspaceId(id, workspaceId).map(rule -> {
            repository.delete(rule);
            events.publishEvent(new RuleStopped(workspaceId, id));
            return true;
        }).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<AlertRule> list(String workspaceId) {
        return repository.findByWorkspaceIdOrderByCreatedAtAscIdAsc(workspaceId);
    }

    @Transactional(readOnly = true)
    public Optional<AlertRule> find(String workspaceId, UUID id) {
        return repository.findByIdAndWorkspaceId(id, workspaceId);
    }

    /** The workspace's enabled rules of these kinds: what an arriving event is evaluated against. */
    @Transactional(readOnly = true)
    public List<AlertRule> enabled(String workspaceId, Set<AlertKind> kinds) {
        return repository.findByWorkspaceIdAndEnabledTrueAndKindIn(workspaceId, kinds);
    }

    /** Every workspace's enabled rules of these kinds: what the timed pass looks at. */
    @Transactional(readOnly = true)
    public List<AlertRule> enabledEverywhere(Set<AlertKind> kinds) {
        return repository.findByEnabledTrueAndKindIn(kinds);
    }

    @Transactional
    public int forgetWorkspace(String workspaceId) {
        return repository.deleteByWorkspace(workspaceId);
    }

    /** A rule switched off ends what it had raised, so switching it on again starts afresh. */
    private void stoppedIf(boolean wasEnabled, AlertRule rule) {
        if (wasEnabled && !rule.enabled()) {
            events.publishEvent(new RuleStopped(rule.workspaceId(), rule.id()));
        }
    }


    private static java.util.function.Function<String, String> remembering(Map<String, String> newSecrets) {
        return target -> newSecrets.computeIfAbsent(target, unused -> newSigningSecret());
    }

    /** {@code whsec_} and 32 random bytes, base64url: as long as an HMAC-SHA256 key needs to be. */
    static String newSigningSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A rule as saved, with the secrets of webhooks this request added. */
    record Made(AlertRule rule, Map<String, String> newSecrets) {
    }
}
