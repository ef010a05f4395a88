package io.quotah.dev.simulator.keys;

import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.Provider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The keys the simulator answers to, found by secret, by id, or together by their organization's Admin key. */
public final class KeyRegistry {

    private final Clock clock;
    private final Map<String, SimulatedKey> bySecret = new LinkedHashMap<>();

    public KeyRegistry(Clock clock) {
        this.clock = clock;
    }

    /** A key that clashes with one the simulator already has. */
    public static final class KeyConflictException extends IllegalArgumentException {
        KeyConflictException(String message) {
            super(message);
        }
    }

    /** @throws KeyConflictException when the secret, its id, or its Admin key clashes with another key */
    public synchronized SimulatedKey add(KeySpec spec) {
        if (bySecret.containsKey(spec.key())) {
            throw new KeyConflictException("key " + KeySpec.masked(spec.key()) + " already exists");
        }
        for (SimulatedKey existing : bySecret.values()) {
            if (existing.id().equals(spec.id())) {
                throw new KeyConflictException("key id " + spec.id() + " already exists");
            }
            if (spec.key().equals(existing.spec().adminKey())
                    || Objects.equals(spec.adminKey(), existing.key())) {
                throw new KeyConflictException("a key cannot be both an API key and an Admin key");
            }
        }
        SimulatedKey key = new SimulatedKey(spec, clock.instant());
        bySecret.put(spec.key(), key);
        return key;
    }

    public synchronized void replaceAll(List<KeySpec> specs) {
        bySecret.clear();
        specs.forEach(this::add);
    }

    /** The key with this secret, for this provider. */
    public synchronized Optional<SimulatedKey> find(Provider provider, String secret) {
        return Optional.ofNullable(bySecret.get(secret)).filter(key -> key.provider() == provider);
    }

    public synchronized Optional<SimulatedKey> bySecret(String secret) {
        return Optional.ofNullable(bySecret.get(secret));
    }

    public synchronized Optional<SimulatedKey> byId(String id) {
        return bySecret.values().stream().filter(key -> key.id().equals(id)).findFirst();
    }

    /** The keys of the organization this Admin key administers; empty when it is no known Admin key. */
    public synchronized List<SimulatedKey> organization(Provider provider, String adminKey) {
        return bySecret.values().stream()
                .filter(key -> key.provider() == provider && adminKey.equals(key.spec().adminKey()))
                .toList();
    }

    public synchronized List<SimulatedKey> all() {
        return new ArrayList<>(bySecret.values());
    }
}
