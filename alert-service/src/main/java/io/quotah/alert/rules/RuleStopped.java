package io.quotah.alert.rules;

import java.util.UUID;

/**
 * A rule stopped watching: deleted, or switched off. Told inside that transaction to whoever keeps state about it,
 * so its open alerts end quietly and switching it on again starts from a clean slate.
 */
public record RuleStopped(String workspaceId, UUID ruleId) {
}
