package io.quotah.dev.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The providers the simulator fakes, with the few rules where they differ in kind rather than in shape. */
public enum Provider {

    ANTHROPIC("anthropic") {
        @Override
        public boolean isApiKey(String key) {
            return key.startsWith("sk-ant-api03-");
        }

        @Override
        public boolean isAdminKey(String key) {
            return key.startsWith("sk-ant-admin01-");
        }

        @Override
        public long rateLimitedInputTokens(long uncached, long cacheWrites, long cacheReads) {
            // ITPM counts input plus cache creation; cache reads are free of the limit on current models
            return uncached + cacheWrites;
        }
    },

    OPENAI("openai") {
        @Override
        public boolean isApiKey(String key) {
            return key.startsWith("sk-") && !key.startsWith("sk-admin-") && !key.startsWith("sk-ant-");
        }

        @Override
        public boolean isAdminKey(String key) {
            return key.startsWith("sk-admin-");
        }

        @Override
        public long rateLimitedInputTokens(long uncached, long cacheWrites, long cacheReads) {
            // TPM counts every prompt token, cached or not
            return uncached + cacheWrites + cacheReads;
        }
    };

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Provider fromId(String id) {
        for (Provider provider : values()) {
            if (provider.id.equals(id.toLowerCase(Locale.ROOT))) {
                return provider;
            }
        }
        throw new ScenarioException("unknown provider '" + id + "': use anthropic or openai");
    }

    public abstract boolean isApiKey(String key);

    public abstract boolean isAdminKey(String key);

    /** The input tokens a request charges against the provider's input or total token limit. */
    public abstract long rateLimitedInputTokens(long uncached, long cacheWrites, long cacheReads);
}
