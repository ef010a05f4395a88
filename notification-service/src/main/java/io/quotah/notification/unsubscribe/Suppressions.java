package io.quotah.notification.unsubscribe;

import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Addresses that asked to hear no more from a rule. Addresses compare without regard to case. */
@Repository
public class Suppressions {

    private final JdbcClient jdbc;

    Suppressions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean isSuppressed(String workspaceId, UUID ruleId, String address) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM suppression
                               WHERE workspace_id = :workspaceId AND rule_id = :ruleId AND address = :address)
                """)
                .param("workspaceId", workspaceId)
                .param("ruleId", ruleId)
                .param("address", normalized(address))
                .query(Boolean.class)
                .single();
    }

    /** Returns false when the address had already unsubscribed. */
    @Transactional
    boolean suppress(String workspaceId, UUID ruleId, String address) {
        return jdbc.sql("""
                INSERT INTO suppression (workspace_id, rule_id, address) VALUES (:workspaceId, :ruleId, :address)
                ON CONFLICT DO NOTHING
                """)
                .param("workspaceId", workspaceId)
                .param("ruleId", ruleId)
                .param("address", normalized(address))
                .update() == 1;
    }

    @Transactional
    public int forgetWorkspace(String workspaceId) {
        return jdbc.sql("DELETE FROM suppression WHERE workspace_id = ?").param(workspaceId).update();
    }

    private static String normalized(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
