package io.quotah.dev.simulator.scenario;

import io.quotah.dev.simulator.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;

/**
 * What the simulator serves: its keys, and how long usage takes to appear in the Admin reports (the real
 * reports lag by up to about five minutes; 0 shows usage at once, which is what tests want).
 */
public record Scenario(long usageReportDelaySeconds, List<KeySpec> keys) {

    public static final String DEFAULT_RESOURCE = "default-scenario.json";

    public Scenario {
        if (usageReportDelaySeconds < 0) {
            throw new ScenarioException("usageReportDelaySeconds must not be negative");
        }
        keys = keys == null ? List.of() : List.copyOf(keys);
        Set<String> secrets = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (KeySpec key : keys) {
            if (!secrets.add(key.key())) {
                throw new ScenarioException("key " + KeySpec.masked(key.key()) + " appears twice");
            }
            if (!ids.add(key.id())) {
                throw new ScenarioException("key id " + key.id() + " appears twice");
            }
        }
        for (KeySpec key : keys) {
            if (key.adminKey() != null && secrets.contains(key.adminKey())) {
                throw new ScenarioException("admin key " + KeySpec.masked(key.adminKey()) + " is also an API key");
            }
        }
    }

    public Duration usageReportDelay() {
        return Duration.ofSeconds(usageReportDelaySeconds);
    }

    public static Scenario fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, Scenario.class);
        } catch (JacksonException e) {
            throw new ScenarioException("invalid scenario: " + rootMessage(e), e);
        }
    }

    public static Scenario load(Path path) {
        try {
            return fromJson(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + path, e);
        } catch (ScenarioException e) {
            throw new ScenarioException(path + ": " + e.getMessage(), e);
        }
    }

    /** One demo Anthropic key and one demo OpenAI key, each with an Admin key and background traffic. */
    public static Scenario defaultScenario() {
        try (InputStream in = Scenario.class.getResourceAsStream("/" + DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toJson() {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static String rootMessage(JacksonException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        // our own validation says what is wrong in words; Jackson's message plus the path says where
        String message = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? message : path + ": " + message;
    }

    /** Builds a scenario in code. */
    public static final class Builder {
        private long usageReportDelaySeconds;
        private final List<KeySpec> keys = new ArrayList<>();

        private Builder() {
        }

        public Builder usageReportDelay(Duration delay) {
            this.usageReportDelaySeconds = delay.toSeconds();
            return this;
        }

        public Builder key(KeySpec key) {
            keys.add(key);
            return this;
        }

        public Scenario build() {
            return new Scenario(usageReportDelaySeconds, keys);
        }
    }
}
