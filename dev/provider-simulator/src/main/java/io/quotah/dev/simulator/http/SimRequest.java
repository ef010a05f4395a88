package io.quotah.dev.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the simulator's handlers see it: header names lower-cased, query parameters decoded,
 * path variables filled in by the {@link Router}.
 */
public record SimRequest(String method, String path, Map<String, List<String>> query,
                         Map<String, List<String>> headers, byte[] body, Map<String, String> pathParams) {

    public SimRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        pathParams = Map.copyOf(pathParams);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Every value of every given name, e.g. both {@code group_by[]} and {@code group_by}. */
    public List<String> queryParams(String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            values.addAll(query.getOrDefault(name, List.of()));
        }
        return values;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    SimRequest withPathParams(Map<String, String> params) {
        return new SimRequest(method, path, query, headers, body, params);
    }
}
