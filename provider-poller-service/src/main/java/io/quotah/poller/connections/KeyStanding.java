package io.quotah.poller.connections;

import io.quotah.poller.provider.CallOutcome;

/**
 * How a call's outcome leaves a key: the status to store, the reason to show, and whether the call proved the
 * key works. The one mapping from a provider's answer to a key's status, for the check on adding and for
 * every poll.
 */
public record KeyStanding(ConnectionStatus status, String reason) {

    public static KeyStanding of(CallOutcome outcome) {
        return switch (outcome) {
            case CallOutcome.Accepted accepted -> new KeyStanding(ConnectionStatus.HEALTHY, null);
            case CallOutcome.Refused refused -> new KeyStanding(ConnectionStatus.INVALID, refused.reason());
            case CallOutcome.RateLimited limited -> new KeyStanding(ConnectionStatus.RATE_LIMITED, limited.reason());
            case CallOutcome.QuotaExhausted quota -> new KeyStanding(ConnectionStatus.PROVIDER_ERROR,
                    "out of quota (" + quota.code() + "): " + quota.reason());
            case CallOutcome.ProviderError error -> new KeyStanding(ConnectionStatus.PROVIDER_ERROR, error.reason());
        };
    }

    /** A rate limit proves the key works; a provider failure proves nothing either way. */
    public boolean keyWorks() {
        return status == ConnectionStatus.HEALTHY || status == ConnectionStatus.RATE_LIMITED;
    }
}
