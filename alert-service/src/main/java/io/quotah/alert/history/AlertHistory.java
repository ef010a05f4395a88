package io.quotah.alert.history;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.AlertState;
import io.quotah.contracts.events.AlertRaised.Recipient;
import io.quotah.contracts.events.AlertRaised.Severity;
import io.quotah.contracts.events.AlertRaised.Unit;
import io.quotah.contracts.events.Provider;
import io.quotah.platform.outbox.Outbox;
import io.quotah.contracts.serde.PlainDecimals;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts a workspace was sent, kept after they resolve. Raising and resolving write the row and the AlertRaised
 * event in one transaction (the outbox), so an alert is never recorded without being told, nor told twice.
 */
@Repository
public class AlertHistory {

    private static final String COLUMNS = """
            id, rule_id, rule_name, kind, severity, state, connection_id, provider, connection_label, model,
            window_name, observed, threshold, unit, reset_at, forecast_at, reason, summary, raised_at, resolved_at,
            acknowledged_at""";

    private final JdbcClient jdbc;
    private final Outbox outbox;

    AlertHistory(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Records a new alert and tells its recipients; returns its id. */
    @Transactional
    public UUID raise(RuleRef rule, Finding finding, List<Recipient> recipients, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO alert (id, workspace_id, rule_id, rule_name, kind, severity, state, connection_id, provider,
                    connection_label, model, window_name, observed, threshold, unit, reset_at, forecast_at, reason,
                    summary, raised_at)
                VALUES (:id, :workspaceId, :ruleId, :ruleName, :kind, :severity, 'RAISED', :connectionId, :provider,
                    :label, :model, :window, :observed, :threshold, :unit, :resetAt, :forecastAt, :reason, :summary,
                    :raisedAt)
                """)
                .param("id", id)
                .param("workspaceId", rule.workspaceId())
                .param("ruleId", rule.id())
                .param("ruleName", rule.name())
                .param("kind", rule.kind().name())
                .param("severity", finding.severity().name())
                .param("connectionId", finding.connectionId())
                .param("provider", finding.provider() == null ? null : finding.provider().name())
                .param("label", finding.connectionLabel())
                .param("model", finding.model())
                .param("window", finding.window())
                .param("observed", finding.observed())
                .param("threshold", finding.threshold())
                .param("unit", finding.unit() == null ? null : finding.unit().name())
                .param("resetAt", timestamp(finding.resetAt()))
                .param("forecastAt", timestamp(finding.forecastAt()))
                .param("reason", finding.reason())
                .param("summary", finding.summary())
                .param("raisedAt", Timestamp.from(now))
                .update();
        outbox.append(event(rule.workspaceId(), find(rule.workspaceId(), id).orElseThrow(), recipients, now));
        return id;
    }

    /**
     * Keeps a raised alert's figures current while its condition holds (a window going from 85 % to 97 % used turns
     * it CRITICAL on the Alerts page); within the cooldown nobody is told again.
     */
    @Transactional
    public void refresh(UUID alertId, Finding finding) {
        jdbc.sql("""
                UPDATE alert SET severity = CASE WHEN :severityRank > (CASE severity WHEN 'CRITICAL' THEN 2
                        WHEN 'WARNING' THEN 1 ELSE 0 END) THEN :severity ELSE severity END,
                    observed = :observed, reset_at = :resetAt, forecast_at = :forecastAt,
                    model = coalesce(:model, model), window_name = coalesce(:window, window_name)
                WHERE id = :id AND state = 'RAISED'
                """)
                .param("severityRank", finding.severity().ordinal())
                .param("severity", finding.severity().name())
                .param("observed", finding.observed())
                .param("resetAt", timestamp(finding.resetAt()))
                .param("forecastAt", timestamp(finding.forecastAt()))
                .param("model", finding.model())
                .param("window", finding.window())
                .param("id", alertId)
                .update();
    }

    /** Marks an alert resolved and tells its recipients; nothing if it already was. */
    @Transactional
    public void resolve(String workspaceId, UUID alertId, List<Recipient> recipients, Instant now) {
        int changed = jdbc.sql("""
                UPDATE alert SET state = 'RESOLVED', resolved_at = :now
                WHERE workspace_id = :workspaceId AND id = :id AND state = 'RAISED'
                """)
                .param("now", Timestamp.from(now))
                .param("workspaceId", workspaceId)
                .param("id", alertId)
                .update();
        if (changed == 1) {
            outbox.append(event(workspaceId, find(workspaceId, alertId).orElseThrow(), recipients, now));
        }
    }

    /** Resolves a stopped rule's open alerts without telling anyone: nobody asked to hear of it any more. */
    @Transactional
    public int resolveQuietly(String workspaceId, UUID ruleId, Instant now) {
        return jdbc.sql("""
                UPDATE alert SET state = 'RESOLVED', resolved_at = :now, reason = coalesce(reason, 'the rule was deleted or switched off')
                WHERE workspace_id = :workspaceId AND rule_id = :ruleId AND state = 'RAISED'
                """)
                .param("now", Timestamp.from(now))
                .param("workspaceId", workspaceId)
                .param("ruleId", ruleId)
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<Alert> find(String workspaceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE workspace_id = :workspaceId AND id = :id")
                .param("workspaceId", workspaceId)
                .param("id", id)
                .query((rs, row) -> alert(rs))
                .optional();
    }

    /** A page of the workspace's alerts, newest first, filtered by whatever is not null. */
    @Transactional(readOnly = true)
    Page page(String workspaceId, Severity severity, AlertState state, Boolean acknowledged, int page, int size) {
        String where = """
                WHERE workspace_id = :workspaceId
                  AND (CAST(:severity AS text) IS NULL OR severity = :severity)
                  AND (CAST(:state AS text) IS NULL OR state = :state)
                  AND (CAST(:acknowledged AS boolean) IS NULL OR (acknowledged_at IS NOT NULL) = :acknowledged)
                """;
        long total = jdbc.sql("SELECT count(*) FROM alert " + where)
                .param("workspaceId", workspaceId)
                .param("severity", severity == null ? null : severity.name())
                .param("state", state == null ? null : state.name())
                .param("acknowledged", acknowledged)
                .query(Long.class).single();
        List<Alert> items = jdbc.sql("SELECT " + COLUMNS + " FROM alert " + where
                        + " ORDER BY raised_at DESC, id LIMIT :size OFFSET :offset")
                .param("workspaceId", workspaceId)
                .param("severity", severity == null ? null : severity.name())
                .param("state", state == null ? null : state.name())
                .param("acknowledged", acknowledged)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> alert(rs))
                .list();
        return new Page(items, page, size, total, (total + size - 1) / size);
    }

    @Transactional
    Optional<Alert> acknowledge(String workspaceId, UUID id, Instant now) {
        jdbc.sql("""
                UPDATE alert SET acknowledged_at = :now
                WHERE workspace_id = :workspaceId AND id = :id AND acknowledged_at IS NULL
                """)
                .param("now", Timestamp.from(now))
                .param("workspaceId", workspaceId)
                .param("id", id)
                .update();
        return find(workspaceId, id);
    }

    @Transactional
    int acknowledgeAll(String workspaceId, Instant now) {
        return jdbc.sql("""
                UPDATE alert SET acknowledged_at = :now WHERE workspace_id = :workspaceId AND acknowledged_at IS NULL
                """)
                .param("now", Timestamp.from(now))
                .param("workspaceId", workspaceId)
                .update();
    }

    @Transactional(readOnly = true)
    long unacknowledged(String workspaceId) {
        return jdbc.sql("SELECT count(*) FROM alert WHERE workspace_id = :workspaceId AND acknowledged_at IS NULL")
                .param("workspaceId", workspaceId)
                .query(Long.class).single();
    }

    @Transactional
    public int forgetWorkspace(String workspaceId) {
        return jdbc.sql("DELETE FROM alert WHERE workspace_id = ?").param(workspaceId).update();
    }

    private static AlertRaised event(String workspaceId, Alert alert, List<Recipient> recipients, Instant now) {
        return AlertRaised.builder()
                .workspaceId(workspaceId)
                .occurredAt(now)
                .alertId(alert.id())
                .rule(alert.ruleId(), alert.ruleName())
                .kind(alert.kind())
                .state(alert.state())
                .severity(alert.severity())
                .connection(alert.connectionId(), alert.provider(), alert.connectionLabel())
                .model(alert.model())
                .window(alert.window())
                .measured(alert.observed(), alert.threshold(), alert.unit())
                .resetAt(alert.resetAt())
                .forecastAt(alert.forecastAt())
                .reason(alert.reason())
                .recipients(recipients)
                .summary(alert.summary())
                .build();
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getObject("id", UUID.class), rs.getObject("rule_id", UUID.class), rs.getString("rule_name"),
                AlertKind.valueOf(rs.getString("kind")), Severity.valueOf(rs.getString("severity")),
                AlertState.valueOf(rs.getString("state")), rs.getObject("connection_id", UUID.class),
                rs.getString("provider") == null ? null : Provider.valueOf(rs.getString("provider")),
                rs.getString("connection_label"), rs.getString("model"), rs.getString("window_name"),
                PlainDecimals.trimmed(rs.getBigDecimal("observed")),
                PlainDecimals.trimmed(rs.getBigDecimal("threshold")),
                rs.getString("unit") == null ? null : Unit.valueOf(rs.getString("unit")),
                instant(rs, "reset_at"), instant(rs, "forecast_at"), rs.getString("reason"), rs.getString("summary"),
                instant(rs, "raised_at"), instant(rs, "resolved_at"), instant(rs, "acknowledged_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The rule an alert comes from, as the history records it. */
    public record RuleRef(UUID id, String workspaceId, String name, AlertKind kind) {
    }

    /** A page of alerts; {@code page} counts from 0. */
    record Page(List<Alert> items, int page, int size, long totalItems, long totalPages) {
    }
}
