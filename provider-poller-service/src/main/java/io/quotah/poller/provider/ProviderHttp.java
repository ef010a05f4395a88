package io.quotah.poller.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One shared HTTP client for provider calls, with timeouts, so a slow provider holds no poller for long. */
@Component
public final class ProviderHttp {

    // Amounts of money stay exact: a JSON number with a fraction is read as a BigDecimal, never a double.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient client;
    private final Duration timeout;

    public ProviderHttp(ProviderSettings settings) {
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = settings.timeout();
    }

    public HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    }

    /** The response, or a {@link CallOutcome.ProviderError} for a call that got none. */
    public Answer send(HttpRequest request) {
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

    /** GETs an Admin API page; a refusal or failure becomes an {@link AdminApiException} saying which. */
    public JsonNode admin(HttpRequest request) {
        Answer answer = send(request);
        if (answer.failure() != null) {
            throw new AdminApiException(answer.failure().reason());
        }
        JsonNode body = json(answer.response().body());
        if (answer.response().statusCode() != 200) {
            throw new AdminApiException("HTTP " + answer.response().statusCode() + ": "
                    + body.path("error").path("message").asString("no message"));
        }
        return body;
    }

    /** A token count from a usage object: absent, negative or not a number counts as none. */
    public static long count(JsonNode value) {
        return value.canConvertToLong() && value.asLong() > 0 ? value.asLong() : 0;
    }

    /** The {@code page} parameter of an Admin report's next page, empty for the first. */
    public static String pageParameter(String page) {
        return page == null ? "" : "&page=" + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Both providers page their Admin reports with {@code has_more} and {@code next_page}. */
    public static String nextPage(JsonNode body) {
        JsonNode next = body.path("next_page");
        return body.path("has_more").asBoolean(false) && next.isString() && !next.asString().isBlank()
                ? next.asString() : null;
    }

    public static String body(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A parsed body, or an empty object for one that is not JSON (a proxy's HTML error page, say). */
    public static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    public record Answer(HttpResponse<String> response, CallOutcome.ProviderError failure) {
    }
}
