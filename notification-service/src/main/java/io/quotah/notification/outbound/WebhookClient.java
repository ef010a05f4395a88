package io.quotah.notification.outbound;

import io.quotah.notification.config.NotificationSettings;
import io.quotah.notification.delivery.Outcome;
import io.quotah.notification.delivery.RetryAfter;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * POSTs JSON to Slack, Discord and customers' webhooks (RestClient on the JDK's HttpClient), with the configured
 * timeouts, no redirects, and only to URLs {@link WebhookUrls} allows. Failures come back as outcomes whose
 * reasons never quote the URL: a webhook URL is a credential.
 */
@Component
public class WebhookClient {

    private static final int SNIPPET = 200;

    private final RestClient rest;
    private final WebhookUrls urls;

    WebhookClient(NotificationSettings settings) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.http().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(settings.http().readTimeout());
        this.rest = RestClient.builder().requestFactory(factory).build();
        this.urls = new WebhookUrls(settings.allowHttpLocalhost());
    }

    /** Posts {@code json} with {@code headers}; 2xx is sent, 408/429/5xx and network failures retried, the rest not. */
    public Outcome postJson(String url, String json, Map<String, String> headers) {
        WebhookUrls.Checked checked = urls.check(url);
        if (checked.refused().isPresent()) {
            return Outcome.failed(checked.refused().get());
        }
        try {
            return rest.post()
                    .uri(checked.uri())
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(http -> headers.forEach(http::set))
                    .body(json)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        return Outcome.ofHttpStatus(status,
                                RetryAfter.parse(response.getHeaders().getFirst("Retry-After"), Instant.now()),
                                status / 100 == 2 ? null : snippet(response.getBody()));
                    });
        } catch (ResourceAccessException e) {
            return Outcome.retryLater(networkFailure(e.getCause()));
        }
    }

    private static String networkFailure(Throwable cause) {
        return switch (cause) {
            case HttpConnectTimeoutException slow -> "could not connect in time";
            case HttpTimeoutException slow -> "no answer in time";
            case ConnectException refused -> "could not connect (refused or unreachable)";
            case null -> "network error";
            default -> "network error: " + cause.getClass().getSimpleName();
        };
    }

    /** The start of the receiver's answer, on one line: Slack and Discord say what was wrong there. */
    private static String snippet(InputStream body) throws IOException {
        String text = new String(body.readNBytes(SNIPPET * 4), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return text.length() <= SNIPPET ? text : text.substring(0, SNIPPET - 1) + "…";
    }
}
