package io.quotah.alert.evaluation;

import io.quotah.alert.history.AlertHistory;
import io.quotah.alert.history.Finding;
import io.quotah.alert.rules.AlertRule;
import io.quotah.alert.rules.RuleStopped;
import io.quotah.contracts.events.AlertRaised.Recipient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what a rule finds, evaluation after evaluation, into alerts: an alert when the condition becomes true (an
 * edge, not a level), none while it stays true, none again within the rule's cooldown, and a resolution when it
 * clears. The state lives in PostgreSQL, one row per rule and subject, locked while it is decided, so restarts keep
 * cooldowns and two replicas never raise the same alert twice.
 */
@Component
class Conditions {

    private final JdbcClient jdbc;
    private final AlertHistory history;

    Conditions(JdbcClient jdbc, AlertHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /**
     * Settles one subject of a rule (a key, a key's problem, a budget threshold in a period) with what was found now:
     * a finding when the condition holds, empty when it does not.
     */
    @Transactional
    public void settle(AlertRule rule, String subject, Optional<Finding> finding, Instant now) {
        if (finding.isEmpty()) {
            lockActive(rule.id(), subject).ifPresent(state -> clear(rule, subject, state, now));
            return;
        }
        State state = lock(rule, subject);
        if (state.active()) {
            if (state.alertId() != null) {
                history.refresh(state.alertId(), finding.get());
            }
            return;
        }
        boolean coolingDown = state.lastRaisedAt() != null && now.isBefore(state.lastRaisedAt().plus(rule.cooldown()));
        UUID alertId = coolingDown ? null
                : history.raise(new AlertHistory.RuleRef(rule.id(), rule.workspaceId(), rule.name(), rule.kind()),
                        finding.get(), recipients(rule), now);
        jdbc.sql("""
                UPDATE alert_condition SET active = true, alert_id = :alertId,
                    last_raised_at = CASE WHEN CAST(:alertId AS uuid) IS NULL THEN last_raised_at ELSE :now END
                WHERE rule_id = :ruleId AND subject = :subject
                """)
                .param("alertId", alertId)
                .param("now", Timestamp.from(now))
                .param("ruleId", rule.id())
                .param("subject", subject)
                .update();
    }

    /**
     * Marks a subject's condition as holding without telling anyone: for the lower thresholds of a budget that
     * passed several at once, which one message (the highest) covers.
     */
    @Transactional
    public void holdQuietly(AlertRule rule, String subject) {
        jdbc.sql("""
                INSERT INTO alert_condition (rule_id, subject, workspace_id, active) VALUES (:ruleId, :subject,
                    :workspaceId, true)
                ON CONFLICT (rule_id, subject) DO UPDATE SET active = true
                """)
                .param("ruleId", rule.id())
                .param("subject", subject)
                .param("workspaceId", rule.workspaceId())
                .update();
    }

    /** A stopped rule forgets where it stood: switched on again, it raises on the next crossing, cooldown or not. */
    @EventListener
    void on(RuleStopped stopped) {
        jdbc.sql("DELETE FROM alert_condition WHERE rule_id = ?").param(stopped.ruleId()).update();
    }

    /** The subjects of a rule whose condition holds now. */
    @Transactional(readOnly = true)
    public List<String> activeSubjects(UUID ruleId) {
        return jdbc.sql("SELECT subject FROM alert_condition WHERE rule_id = :ruleId AND active ORDER BY subject")
                .param("ruleId", ruleId)
                .query(String.class)
                .list();
    }

    private void clear(AlertRule rule, String subject, State state, Instant now) {
        if (state.alertId() != null) {
            history.resolve(rule.workspaceId(), state.alertId(), recipients(rule), now);
        }
        jdbc.sql("UPDATE alert_condition SET active = false, alert_id = NULL WHERE rule_id = :ruleId AND subject = :s")
                .param("ruleId", rule.id())
                .param("s", subject)
                .update();
    }

    private State lock(AlertRule rule, String subject) {
        // A concurrent insert of the same row waits here until the other transaction ends, then reads its result.
        jdbc.sql("""
                INSERT INTO alert_condition (rule_id, subject, workspace_id) VALUES (:ruleId, :subject, :workspaceId)
                ON CONFLICT (rule_id, subject) DO NOTHING
                """)
                .param("ruleId", rule.id())
                .param("subject", subject)
                .param("workspaceId", rule.workspaceId())
                .update();
        return jdbc.sql("""
                SELECT active, alert_id, last_raised_at FROM alert_condition
                WHERE rule_id = :ruleId AND subject = :subject FOR UPDATE
                """)
                .param("ruleId", rule.id())
                .param("subject", subject)
                .query(Conditions::state)
                .single();
    }

    private Optional<State> lockActive(UUID ruleId, String subject) {
        return jdbc.sql("""
                SELECT active, alert_id, last_raised_at FROM alert_condition
                WHERE rule_id = :ruleId AND subject = :subject AND active FOR UPDATE
                """)
                .param("ruleId", ruleId)
                .param("subject", subject)
                .query(Conditions::state)
                .optional();
    }

    private static State state(ResultSet rs, int row) throws SQLException {
        Timestamp lastRaisedAt = rs.getTimestamp("last_raised_at");
        return new State(rs.getBoolean("active"), rs.getObject("alert_id", UUID.class),
                lastRaisedAt == null ? null : lastRaisedAt.toInstant());
    }

    static List<Recipient> recipients(AlertRule rule) {
        return rule.channels().stream()
                .map(channel -> new Recipient(channel.type(), channel.target(), channel.signingSecret()))
                .toList();
    }

    private record State(boolean active, UUID alertId, Instant lastRaisedAt) {
    }
}
