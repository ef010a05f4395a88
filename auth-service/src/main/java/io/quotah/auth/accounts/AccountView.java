package io.quotah.auth.accounts;

/** An account as the API shows it. Until teams land, each account's workspace is its own id. */
public record AccountView(String id, String email, String displayName, String workspaceId) {
}
