package io.quotah.dev.simulator.sdk;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The headers of an official SDK's raw response (or of its service exception) as a plain map: names in lower
 * case, repeated values joined by {@code ", "} as HTTP allows. This is the shape to hand on as a passive
 * observation: it needs neither SDK to read, and header names are case-insensitive on the wire anyway.
 */
final class SdkResponseHeaders {

    private SdkResponseHeaders() {
    }

    /** From {@code client.messages().withRawResponse().create(...).headers()} or an Anthropic exception. */
    static Map<String, String> of(com.anthropic.core.http.Headers headers) {
        return flatten(headers.names(), headers::values);
    }

    /** From {@code client.chat().completions().withRawResponse().create(...).headers()} or an OpenAI exception. */
    static Map<String, String> of(com.openai.core.http.Headers headers) {
        return flatten(headers.names(), headers::values);
    }

    private static Map<String, String> flatten(Set<String> names, Function<String, List<String>> values) {
        Map<String, String> map = new TreeMap<>();
        for (String name : names) {
            map.merge(name.toLowerCase(Locale.ROOT), String.join(", ", values.apply(name)),
                    (first, second) -> first + ", " + second);
        }
        return Collections.unmodifiableMap(map);
    }
}
