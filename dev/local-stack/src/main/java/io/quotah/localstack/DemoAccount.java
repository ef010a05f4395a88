package io.quotah.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo account of a local stack, opened through auth-service like any other. Its password is in this
 * file on purpose: it is for trying Quotah on your own machine, never for a deployment.
 */
final class DemoAccount {

    static final String EMAIL = "demo@quotah.local";
    static final String PASSWORD = "demo-only-password";
    /** Keys the simulator's default scenario knows (dev/provider-simulator's default-scenario.json). */
    static final String ANTHROPIC_KEY = "sk-ant-api03-demo-only-quotah-simulator-not-a-real-key-0001";
    static final String OPENAI_KEY = "sk-proj-demo-only-quotah-simulator-not-a-real-key-0001";
    static final String ANTHROPIC_ADMIN_KEY = "sk-ant-admin01-demo-only-quotah-simulator-not-a-real-key-0001";
    static final String OPENAI_ADMIN_KEY = "sk-admin-demo-only-quotah-simulator-not-a-real-key-0001";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    private DemoAccount() {
    }

    /**
     * Gives the demo account one simulated key per provider (with its Admin key), probed every minute, unless it has keys already,
     * so the dashboard shows live cards from the first sign-in.
     */
    static void watchSimulatedKeys(String authServiceUrl, String pollerUrl) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(authServiceUrl + "/api/auth/login"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"%s\",\"password\":\"%s\"}"
                            .formatted(EMAIL, PASSWORD))).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(login.body());
            if (login.statusCode() != 200 || !token.find()) {
                return;
            }
            String bearer = "Bearer " + token.group(1);
            HttpResponse<String> keys = http.send(HttpRequest.newBuilder(URI.create(pollerUrl + "/api/api-keys"))
                    .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
            if (keys.statusCode() != 200 || !keys.body().trim().equals("[]")) {
                return;
            }
            for (String body : List.of(
                    "{\"provider\":\"ANTHROPIC\",\"label\":\"Demo Anthropic (simulated)\",\"key\":\"%s\",\"adminKey\":\"%s\",\"probing\":true}"
                            .formatted(ANTHROPIC_KEY, ANTHROPIC_ADMIN_KEY),
                    "{\"provider\":\"OPENAI\",\"label\":\"Demo OpenAI (simulated)\",\"key\":\"%s\",\"adminKey\":\"%s\",\"probing\":true}"
                            .formatted(OPENAI_KEY, OPENAI_ADMIN_KEY))) {
                http.send(HttpRequest.newBuilder(URI.create(pollerUrl + "/api/api-keys")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", bearer).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException e) {
            System.out.println("  (the demo keys were not added: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
