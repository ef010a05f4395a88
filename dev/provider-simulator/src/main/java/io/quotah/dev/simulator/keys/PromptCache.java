package io.quotah.dev.simulator.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Which prompt prefixes a key has cached, and until when; a hit or a write extends the entry's life. */
public final class PromptCache {

    private final Map<String, Instant> expiries = new HashMap<>();

    public synchronized boolean isCached(String prefixHash, Instant now) {
        Instant expiry = expiries.get(prefixHash);
        return expiry != null && expiry.isAfter(now);
    }

    public synchronized void remember(String prefixHash, Duration ttl, Instant now) {
        expiries.put(prefixHash, now.plus(ttl));
        expiries.values().removeIf(expiry -> !expiry.isAfter(now));
    }
}
