package io.quotah.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls a service under test over real HTTP, as the gateway or a user would: with or without a bearer token, a JSON
 * body or none, answering status, headers and body as text.
 */
public final class ApiCalls {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private ApiCalls(String base) {
        this.base = base;
    }

    /** Calls to a service listening on this machine's {@code port}. */
    public static ApiCalls toPort(int port) {
        return new ApiCalls("http://127.0.0.1:" + port);
    }

    /** Calls whose requests the test builds itself, with their whole addresses. */
    public static ApiCalls withoutBase() {
        return new ApiCalls(null);
    }

    public URI uri(String path) {
        if (base == null) {
            throw new IllegalStateException("these calls have no base address: build the request with its URI");
        }
        return URI.create(base + path);
    }

    /** A GET, with the token when there is one. */
    public HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null);
    }

    /**
     * Any method, with the token when there is one and the JSON body when there is one.
     *
     * @param token a bearer token, or null for an anonymous call
     * @param json the body as JSON text, or null for none
     */
    public HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** A request built by the test itself, for headers or bodies the shortcuts above do not cover. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), e);
        }
    }
}
