package io.quotah.dev.simulator.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The models the simulator knows. Anthropic shares limits per family (opus, sonnet, haiku); OpenAI limits
 * each model on its own, so there the class is the model id. Ids of models newer than Opus 4.5 are not
 * verified against the real API.
 */
public final class ModelCatalog {

    private static final List<ModelInfo> MODELS = List.of(
            anthropic("claude-opus-4-1-20250805", "claude-opus-4-1", "Claude Opus 4.1", "2025-08-05", "opus"),
            anthropic("claude-opus-4-5-20251101", "claude-opus-4-5", "Claude Opus 4.5", "2025-11-24", "opus"),
            anthropic("claude-opus-4-6", null, "Claude Opus 4.6", "2026-02-05", "opus"),
            anthropic("claude-opus-5", null, "Claude Opus 5", "2026-06-01", "opus"),
            anthropic("claude-sonnet-4-5-20250929", "claude-sonnet-4-5", "Claude Sonnet 4.5", "2025-09-29", "sonnet"),
            anthropic("claude-sonnet-4-6", null, "Claude Sonnet 4.6", "2026-02-17", "sonnet"),
            anthropic("claude-sonnet-5", null, "Claude Sonnet 5", "2026-06-01", "sonnet"),
            anthropic("claude-haiku-4-5-20251001", "claude-haiku-4-5", "Claude Haiku 4.5", "2025-10-01", "haiku"),
            openAi("gpt-5.5", null, "2026-09-01", true),
            openAi("gpt-5.4", null, "2026-03-05", true),
            openAi("gpt-5.4-mini", null, "2026-03-05", true),
            openAi("gpt-5.4-nano", null, "2026-03-05", true),
            openAi("gpt-5", "gpt-5-2025-08-07", "2025-08-07", true),
            openAi("gpt-5-mini", "gpt-5-mini-2025-08-07", "2025-08-07", true),
            openAi("gpt-5-nano", "gpt-5-nano-2025-08-07", "2025-08-07", true),
            openAi("gpt-4.1", "gpt-4.1-2025-04-14", "2025-04-14", false),
            openAi("gpt-4o", "gpt-4o-2024-08-06", "2024-05-13", false),
            openAi("gpt-4o-mini", "gpt-4o-mini-2024-07-18", "2024-07-18", false),
            openAi("o3", "o3-2025-04-16", "2025-04-16", true),
            openAi("o4-mini", "o4-mini-2025-04-16", "2025-04-16", true));

    private ModelCatalog() {
    }

    /** The model a request names (id, dated snapshot or alias), if the provider serves it. */
    public static Optional<ModelInfo> lookup(Provider provider, String name) {
        return MODELS.stream().filter(m -> m.provider() == provider && m.answersTo(name)).findFirst();
    }

    public static List<ModelInfo> models(Provider provider) {
        return MODELS.stream().filter(m -> m.provider() == provider).toList();
    }

    /** The model classes of a provider, in catalog order. */
    public static List<String> classes(Provider provider) {
        return models(provider).stream().map(ModelInfo::modelClass).distinct().toList();
    }

    public static List<ModelInfo> modelsOfClass(Provider provider, String modelClass) {
        return models(provider).stream().filter(m -> m.modelClass().equals(modelClass)).toList();
    }

    private static ModelInfo anthropic(String id, String alias, String displayName, String created, String family) {
        return new ModelInfo(Provider.ANTHROPIC, id, id, alias == null ? List.of() : List.of(alias), displayName,
                Instant.parse(created + "T00:00:00Z"), family, false);
    }

    private static ModelInfo openAi(String id, String snapshot, String created, boolean reasoning) {
        String served = snapshot == null ? id : snapshot;
        return new ModelInfo(Provider.OPENAI, id, served, List.of(), id, Instant.parse(created + "T00:00:00Z"), id,
                reasoning);
    }
}
