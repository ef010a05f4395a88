package io.quotah.dev.simulator.scenario;

import java.time.Instant;
import java.util.List;

/**
 * One model the simulator serves. {@code servedName} is what responses and usage reports call it (OpenAI
 * answers with the dated snapshot); {@code modelClass} is the group whose rate limits it shares.
 */
public record ModelInfo(Provider provider, String id, String servedName, List<String> aliases, String displayName,
                        Instant createdAt, String modelClass, boolean reasoning) {

    public ModelInfo {
        aliases = List.copyOf(aliases);
    }

    boolean answersTo(String name) {
        return id.equals(name) || servedName.equals(name) || aliases.contains(name);
    }
}
