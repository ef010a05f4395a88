package io.quotah.dev.simulator.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps method and path (with {@code {name}} segments) to a handler; unmatched paths go to a prefix fallback. */
public final class Router {

    /** Handles one request. */
    @FunctionalInterface
    public interface Handler {
        SimResponse handle(SimRequest request);
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    private record Fallback(String prefix, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final List<Fallback> fallbacks = new ArrayList<>();

    public Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    /** For a path no route matches, under {@code prefix}: the provider's own 404 body. */
    public Router fallback(String prefix, Handler handler) {
        fallbacks.add(new Fallback(prefix, handler));
        return this;
    }

    public SimResponse route(SimRequest request) {
        String[] path = split(request.path());
        for (Route route : routes) {
            if (!route.method().equals(request.method())) {
                continue;
            }
            Map<String, String> params = match(route.segments(), path);
            if (params != null) {
                return route.handler().handle(request.withPathParams(params));
            }
        }
        return fallbacks.stream()
                .filter(fallback -> request.path().startsWith(fallback.prefix()))
                .findFirst()
                .map(fallback -> fallback.handler().handle(request))
                .orElseGet(() -> {
                    var body = Json.object().put("error", "no such path: " + request.method() + " " + request.path());
                    return SimResponse.json(404, body);
                });
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String segment = pattern[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                params.put(segment.substring(1, segment.length() - 1), path[i]);
            } else if (!segment.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
