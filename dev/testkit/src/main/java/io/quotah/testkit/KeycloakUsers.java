package io.quotah.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Users and tokens of the quotah realm for tests that need a real signed-in caller, through Keycloak's own
 * REST API (the master realm's admin, as the test kit started it).
 */
public final class KeycloakUsers {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final KeycloakRealm realm;
    private final HttpClient http = HttpClient.newHttpClient();

    public KeycloakUsers(KeycloakRealm realm) {
        this.realm = realm;
    }

    /** A new enabled user with this password; returns its email. */
    public String create(String password) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String user = """
                {"username":"%1$s","email":"%1$s","emailVerified":true,"enabled":true,"firstName":"Test",
                 "credentials":[{"type":"password","value":"%2$s","temporary":false}]}""".formatted(email, password);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realm.url() + "/admin/realms/quotah/users"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a test user: HTTP " + response.statusCode() + " " + response.body());
        }
        return email;
    }

    /** A token as auth-service gets it: for the quotah-api audience. */
    public String accessToken(String email, String password) {
        return token(realm.issuer(), Map.of("grant_type", "password", "client_id", "quotah-auth",
                "client_secret", realm.clientSecret(), "username", email, "password", password, "scope", "openid"));
    }

    /** A real token of the realm that is not for the Quotah API (Keycloak's own admin-cli client). */
    public String accessTokenForAnotherAudience(String email, String password) {
        return token(realm.issuer(), Map.of("grant_type", "password", "client_id", "admin-cli", "username", email,
                "password", password));
    }

    /** Runs {@code action} while the realm issues tokens that live {@code seconds}, then restores the lifespan. */
    public <T> T withAccessTokenLifespan(int seconds, Supplier<T> action) {
        String realmUrl = realm.url() + "/admin/realms/quotah";
        setLifespan(realmUrl, seconds);
        try {
            return action.get();
        } finally {
            setLifespan(realmUrl, 300);
        }
    }

    private void setLifespan(String realmUrl, int seconds) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realmUrl))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\":" + seconds + "}")).build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("changing the token lifespan: HTTP " + response.statusCode());
        }
    }

    private String adminToken() {
        if (realm.adminPassword() == null) {
            throw new IllegalStateException("the admin password of this Keycloak is unknown: set "
                    + "QUOTAH_KEYCLOAK_ADMIN_PASSWORD beside QUOTAH_KEYCLOAK_URL");
        }
        return token(realm.url() + "/realms/master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", realm.adminPassword()));
    }

    private String token(String issuer, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("no token: HTTP " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
