package io.quotah.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The demo account of a local stack, opened through auth-service like any other. Its password is in this
 * file on purpose: it is for trying Quotah on your own machine, never for a deployment.
 */
final class DemoAccount {

    static final String EMAIL = "demo@quotah.local";
    static final String PASSWORD = "demo-only-password";

    private DemoAccount() {
    }

    /** Opens the demo account unless it exists; returns a line saying how to sign in. */
    static String ensure(String authServiceUrl) {
        String body = "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Demo\"}".formatted(EMAIL, PASSWORD);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(authServiceUrl + "/api/auth/register"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201 || response.statusCode() == 409) {
                return "Demo account (demo only): " + EMAIL + " / " + PASSWORD;
            }
            return "(the demo account could not be opened: HTTP " + response.statusCode() + ")";
        } catch (IOException e) {
            return "(the demo account could not be opened: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(the demo account was not opened)";
        }
    }
}
