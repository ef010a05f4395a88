package io.quotah.dev.simulator.openai;

import io.quotah.dev.simulator.http.Ids;
import io.quotah.dev.simulator.keys.PromptCache;
import io.quotah.dev.simulator.scenario.ModelInfo;
import io.quotah.dev.simulator.usage.TokenEstimate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The text of a Chat Completions or Responses request. OpenAI caches automatically: a prompt of 1024 tokens
 * or more whose leading part (everything before the last message) was seen recently is read from cache in
 * steps of 128 tokens. Cached tokens stay inside the prompt token count.
 */
final class OpenAiPrompt {

    static final long MIN_CACHEABLE_TOKENS = 1024;
    static final long CACHE_STEP = 128;
    /** OpenAI keeps cached prefixes for 5 to 10 minutes of inactivity. */
    static final Duration CACHE_TTL = Duration.ofMinutes(10);

    /** Prompt tokens (cached included) and the cache entry to keep if the request is served. */
    record Tokens(long prompt, long cached, String prefixHash) {

        long uncached() {
            return prompt - cached;
        }
    }

    private final List<String> leading;
    private final String last;

    private OpenAiPrompt(List<String> leading, String last) {
        this.leading = leading;
        this.last = last;
    }

    static OpenAiPrompt ofChat(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : messages) {
            texts.add(text(message.path("content")));
        }
        return split(texts);
    }

    static OpenAiPrompt ofResponses(JsonNode body) {
        List<String> texts = new ArrayList<>();
        if (body.path("instructions").isString()) {
            texts.add(body.path("instructions").stringValue());
        }
        JsonNode input = body.path("input");
        if (input.isString()) {
            texts.add(input.stringValue());
        } else {
            for (JsonNode item : input) {
                texts.add(item.has("content") ? text(item.path("content")) : item.toString());
            }
        }
        return split(texts);
    }

    Tokens tokens(ModelInfo model, PromptCache cache, Instant now) {
        long leadingChars = leading.stream().mapToLong(String::length).sum();
        long prompt = TokenEstimate.requestTokens(leadingChars + last.length());
        long leadingTokens = TokenEstimate.tokens(leadingChars);
        if (leadingTokens < MIN_CACHEABLE_TOKENS) {
            return new Tokens(prompt, 0, null);
        }
        String hash = Ids.stableHex(model.id() + "\n" + String.join("\u0000", leading), 64);
        long cached = cache.isCached(hash, now) ? leadingTokens / CACHE_STEP * CACHE_STEP : 0;
        return new Tokens(prompt, cached, hash);
    }

    private static OpenAiPrompt split(List<String> texts) {
        if (texts.isEmpty()) {
            return new OpenAiPrompt(List.of(), "");
        }
        return new OpenAiPrompt(List.copyOf(texts.subList(0, texts.size() - 1)), texts.getLast());
    }

    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            JsonNode partText = part.path("text");
            text.append(partText.isString() ? partText.stringValue() : part.toString());
        }
        return text.toString();
    }
}
