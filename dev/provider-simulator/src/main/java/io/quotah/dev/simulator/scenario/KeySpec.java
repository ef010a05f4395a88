package io.quotah.dev.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quotah.dev.simulator.http.Ids;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One simulated API key: its provider, the secret, the Admin key of its organization, its limits per model
 * class, the traffic it carries by itself and its fault. Ids the providers show (api_key_id, organization,
 * project) are derived from the secrets when not given, so they stay the same across restarts.
 *
 * <p>Keys that share an Admin key form one organization: its Admin API reports their usage together.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeySpec(Provider provider, String key, String adminKey, String id, String name, String organizationId,
                      String workspaceId, String projectId, Map<String, ModelLimits> limits,
                      Long countTokensRequestsPerMinute, List<BackgroundLoad> background, Fault fault) {

    /** Anthropic's count_tokens limit at the lowest tier, used when a scenario does not set one. */
    public static final long DEFAULT_COUNT_TOKENS_REQUESTS_PER_MINUTE = 100;

    public KeySpec {
        if (provider == null) {
            throw new ScenarioException("a key needs a provider (anthropic or openai)");
        }
        if (key == null || key.isBlank()) {
            throw new ScenarioException("a " + provider.id() + " key needs its key string");
        }
        String where = "key " + masked(key);
        if (!provider.isApiKey(key)) {
            throw new ScenarioException(where + " is not a " + provider.id() + " API key ("
                    + (provider == Provider.ANTHROPIC ? "sk-ant-api03-..." : "sk-proj-... or sk-...") + ")");
        }
        if (adminKey != null && !provider.isAdminKey(adminKey)) {
            throw new ScenarioException(where + ": adminKey is not a " + provider.id() + " Admin key ("
                    + (provider == Provider.ANTHROPIC ? "sk-ant-admin01-..." : "sk-admin-...") + ")");
        }
        String organizationSecret = adminKey != null ? adminKey : key;
        if (id == null) {
            id = provider == Provider.ANTHROPIC
                    ? "apikey_01" + Ids.stableBase62(key, 22)
                    : "key_" + Ids.stableBase62(key, 16);
        }
        if (organizationId == null) {
            organizationId = provider == Provider.ANTHROPIC
                    ? UUID.nameUUIDFromBytes(organizationSecret.getBytes(StandardCharsets.UTF_8)).toString()
                    : "org-" + Ids.stableBase62(organizationSecret, 24);
        }
        if (provider == Provider.OPENAI && projectId == null) {
            projectId = "proj_" + Ids.stableBase62(organizationSecret, 24);
        }
        if (provider == Provider.ANTHROPIC && countTokensRequestsPerMinute == null) {
            countTokensRequestsPerMinute = DEFAULT_COUNT_TOKENS_REQUESTS_PER_MINUTE;
        }
        if (countTokensRequestsPerMinute != null && countTokensRequestsPerMinute <= 0) {
            throw new ScenarioException(where + ": countTokensRequestsPerMinute must be positive");
        }
        if (limits == null || limits.isEmpty()) {
            throw new ScenarioException(where + " needs limits for at least one model class of "
                    + ModelCatalog.classes(provider));
        }
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
        for (var entry : limits.entrySet()) {
            if (!ModelCatalog.classes(provider).contains(entry.getKey())) {
                throw new ScenarioException(where + ": unknown model class '" + entry.getKey() + "', known: "
                        + ModelCatalog.classes(provider));
            }
            entry.getValue().validateFor(provider, where + ".limits." + entry.getKey());
        }
        background = background == null ? List.of() : List.copyOf(background);
        for (BackgroundLoad load : background) {
            var model = ModelCatalog.lookup(provider, load.model()).orElseThrow(() -> new ScenarioException(
                    where + ": background model '" + load.model() + "' is not a " + provider.id() + " model"));
            if (!limits.containsKey(model.modelClass())) {
                throw new ScenarioException(where + ": background model '" + load.model()
                        + "' is of class '" + model.modelClass() + "', which has no limits on this key");
            }
        }
        if (fault == null) {
            fault = Fault.NONE;
        }
    }

    public static Builder anthropic(String key) {
        return new Builder(Provider.ANTHROPIC, key);
    }

    public static Builder openAi(String key) {
        return new Builder(Provider.OPENAI, key);
    }

    /** The key as it may be shown: its start and its last four characters. */
    public static String masked(String key) {
        return key.length() <= 12 ? "****" : key.substring(0, 8) + "..." + key.substring(key.length() - 4);
    }

    /** Builds a key in code; {@code limits} must name classes of {@code ModelCatalog.classes(provider)}. */
    public static final class Builder {
        private final Provider provider;
        private final String key;
        private String adminKey;
        private String id;
        private String name;
        private String organizationId;
        private String workspaceId;
        private String projectId;
        private final Map<String, ModelLimits> limits = new LinkedHashMap<>();
        private Long countTokensRequestsPerMinute;
        private final List<BackgroundLoad> background = new ArrayList<>();
        private Fault fault = Fault.NONE;

        private Builder(Provider provider, String key) {
            this.provider = provider;
            this.key = key;
        }

        public Builder adminKey(String adminKey) {
            this.adminKey = adminKey;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder organizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder workspaceId(String workspaceId) {
            this.workspaceId = workspaceId;
            return this;
        }

        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        public Builder limits(String modelClass, ModelLimits classLimits) {
            limits.put(modelClass, classLimits);
            return this;
        }

        public Builder countTokensRequestsPerMinute(long perMinute) {
            this.countTokensRequestsPerMinute = perMinute;
            return this;
        }

        public Builder background(BackgroundLoad load) {
            background.add(load);
            return this;
        }

        public Builder fault(Fault fault) {
            this.fault = fault;
            return this;
        }

        public KeySpec build() {
            return new KeySpec(provider, key, adminKey, id, name, organizationId, workspaceId, projectId, limits,
                    countTokensRequestsPerMinute, background, fault);
        }
    }
}
