package io.quotah.dev.simulator.anthropic;

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
 * The text of a Messages request in Anthropic's cache order (tools, system, messages), with its last
 * {@code cache_control} breakpoint. The prefix up to that breakpoint is written to the key's cache on first
 * sight and read from it while it lives, as Anthropic's prompt caching does.
 */
final class AnthropicPrompt {

    /** Anthropic's minimum cacheable prompt for Opus and Sonnet; one value keeps the simulator simple. */
    static final long MIN_CACHEABLE_TOKENS = 1024;

    private record Segment(String text, Duration cacheTtl) {
    }

    /** Token split of one request, and the cache entry to keep if it is served. */
    record Tokens(long uncached, long cacheWrite5m, long cacheWrite1h, long cacheRead, String prefixHash,
                  Duration cacheTtl) {

        long total() {
            return uncached + cacheWrite5m + cacheWrite1h + cacheRead;
        }
    }

    private final List<Segment> segments;

    private AnthropicPrompt(List<Segment> segments) {
        this.segments = segments;
    }

    static AnthropicPrompt parse(JsonNode body) {
        List<Segment> segments = new ArrayList<>();
        for (JsonNode tool : body.path("tools")) {
            segments.add(new Segment(tool.toString(), ttl(tool)));
        }
        collect(body.path("system"), segments);
        for (JsonNode message : body.path("messages")) {
            collect(message.path("content"), segments);
        }
        return new AnthropicPrompt(segments);
    }

    Tokens tokens(ModelInfo model, PromptCache cache, Instant now) {
        long chars = segments.stream().mapToLong(s -> s.text().length()).sum();
        long total = TokenEstimate.requestTokens(chars);
        int breakpoint = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).cacheTtl() != null) {
                breakpoint = i;
            }
        }
        if (breakpoint < 0) {
            return new Tokens(total, 0, 0, 0, null, null);
        }
        StringBuilder prefix = new StringBuilder(model.id()).append('\n');
        long prefixChars = 0;
        for (int i = 0; i <= breakpoint; i++) {
            prefix.append(segments.get(i).text()).append('\u0000');
            prefixChars += segments.get(i).text().length();
        }
        long prefixTokens = TokenEstimate.tokens(prefixChars);
        if (prefixTokens < MIN_CACHEABLE_TOKENS) {
            return new Tokens(total, 0, 0, 0, null, null);
        }
        Duration ttl = segments.get(breakpoint).cacheTtl();
        String hash = Ids.stableHex(prefix.toString(), 64);
        long rest = total - prefixTokens;
        if (cache.isCached(hash, now)) {
            return new Tokens(rest, 0, 0, prefixTokens, hash, ttl);
        }
        return ttl.equals(Duration.ofHours(1))
                ? new Tokens(rest, 0, prefixTokens, 0, hash, ttl)
                : new Tokens(rest, prefixTokens, 0, 0, hash, ttl);
    }

    private static void collect(JsonNode content, List<Segment> segments) {
        if (content.isString()) {
            segments.add(new Segment(content.stringValue(), null));
            return;
        }
        for (JsonNode block : content) {
            JsonNode text = block.path("text");
            segments.add(new Segment(text.isString() ? text.stringValue() : block.toString(), ttl(block)));
        }
    }

    private static Duration ttl(JsonNode block) {
        JsonNode control = block.path("cache_control");
        if (control.isMissingNode() || control.isNull()) {
            return null;
        }
        return "1h".equals(control.path("ttl").asString("5m")) ? Duration.ofHours(1) : Duration.ofMinutes(5);
    }
}
