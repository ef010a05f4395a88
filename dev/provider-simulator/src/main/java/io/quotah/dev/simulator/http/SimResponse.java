package io.quotah.dev.simulator.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A response to write: status, headers in the order they were added, body. */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    public SimResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static SimResponse json(int status, JsonNode body) {
        return new SimResponse(status, Map.of("content-type", "application/json"), Json.write(body));
    }

    public static SimResponse empty(int status) {
        return new SimResponse(status, Map.of(), new byte[0]);
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body);
    }

    public SimResponse withHeaders(Map<String, String> more) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.putAll(more);
        return new SimResponse(status, copy, body);
    }
}
