package io.quotah.alert.rules;

import java.util.UUID;

/** Told, inside the deleting transaction, to whoever keeps state about a rule. */
public record RuleDeleted(String workspaceId, UUID ruleId) {
}
