package io.quotah.poller.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One shared HTTP client for provider calls, with timeouts, so a slow provider holds no poller for long. */
final class ProviderHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    }

    /** The response, or a {@link CallOutcome.ProviderError} for a call that got none. */
    Answer send(HttpRequest request) {
        try {
            return new Answer(client.send(request, HttpResponse.BodyHandlers.ofString()), null);
        } catch (HttpTimeoutException e) {
            return new Answer(null, new CallOutcome.ProviderError(0, "no answer within " + timeout.toSeconds() + " s"));
        } catch (IOException e) {
            return new Answer(null, new CallOutcome.ProviderError(0, "unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, new CallOutcome.ProviderError(0, "interrupted"));
        }
    }

    static String body(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A parsed body, or an empty object for one that is not JSON (a proxy's HTML error page, say). */
    static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    record Answer(HttpResponse<String> response, CallOutcome.ProviderError failure) {
    }
}
