package io.quotah.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.testkit.ForgedTokens;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.KeycloakRealm;
import io.quotah.testkit.RealInfrastructureWithKeycloak;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.RealmRepresentation;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Accounts and sessions against a real Keycloak: what a person does, and what an attacker tries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "quotah.security.clock-skew=0s")
@RealInfrastructureWithKeycloak
class AuthFlowIT {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern COOKIE = Pattern.compile("quotah_refresh=([^;]*)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String email = "user-" + UUID.randomUUID() + "@example.com";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void registers_signs_in_shows_the_account_and_closes_it() throws Exception {
        HttpResponse<String> registered = post("/api/auth/register", registration(email, PASSWORD, "Ada"), null, null);
        assertThat(registered.statusCode()).isEqualTo(201);
        String id = read(registered).get("id").asString();

        HttpResponse<String> login = post("/api/auth/login", credentials(email, PASSWORD), null, null);
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/api/auth").doesNotContain("Secure");
        String token = read(login).get("accessToken").asString();
        assertThat(read(login).get("expiresIn").asLong()).isEqualTo(300);

        JsonNode me = read(get("/api/auth/me", token));
        assertThat(me.get("id").asString()).isEqualTo(id);
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("displayName").asString()).isEqualTo("Ada");
        assertThat(me.get("workspaceId").asString()).isEqualTo(id);

        assertThat(delete("/api/auth/me", "{\"password\":\"not the password!\"}", token).statusCode()).isEqualTo(403);
        assertThat(delete("/api/auth/me", "{\"password\":\"" + PASSWORD + "\"}", token).statusCode()).isEqualTo(204);
        assertThat(post("/api/auth/login", credentials(email, PASSWORD), null, null).statusCode()).isEqualTo(401);
        await().untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM platform.outbox_event WHERE message_key = ? AND event_type = 'UserDeleted'")
                .param(id).query(Integer.class).single()).isZero()); // relayed to Kafka, then removed
    }

    @Test
    void publishes_its_api_document_and_tags_answers_with_the_request_id() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(read(docs).get("paths").has("/api/auth/login")).isTrue();
        assertThat(read(docs).get("info").get("title").asString()).isEqualTo("Quotah auth-service");
        assertThat(docs.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void a_duplicate_email_is_409_and_bad_input_names_the_field_and_rule() throws Exception {
        assertThat(post("/api/auth/register", registration(email, PASSWORD, "Ada"), null, null).statusCode())
                .isEqualTo(201);

        HttpResponse<String> duplicate = post("/api/auth/register", registration(email, PASSWORD, "Ada"), null, null);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(fieldErrors(post("/api/auth/register", registration("not-an-email", PASSWORD, "Ada"), null, null)))
                .containsEntry("email", "must be an email address");
        assertThat(fieldErrors(post("/api/auth/register", registration(email, "short", "Ada"), null, null)))
                .containsEntry("password", "must be at least 12 characters");
        String sameAsEmail = "x" + email;
        assertThat(fieldErrors(post("/api/auth/register", registration(sameAsEmail, sameAsEmail, "Ada"), null, null)))
                .containsEntry("password", "must not be your email address");
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_answer_and_repeated_failures_lock() throws Exception {
        post("/api/auth/register", registration(email, PASSWORD, "Ada"), null, null);

        HttpResponse<String> wrong = post("/api/auth/login", credentials(email, "wrong password!!"), null, null);
        HttpResponse<String> unknown = post("/api/auth/login", credentials("nobody-" + email, PASSWORD), null, null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(read(wrong).get("detail").asString()).isEqualTo("Wrong email or password")
                .isEqualTo(read(unknown).get("detail").asString());

        HttpResponse<String> last = wrong;
        for (int attempt = 0; attempt < 6 && last.statusCode() != 423; attempt++) {
            last = post("/api/auth/login", credentials(email, "wrong password!!"), null, null);
        }
        assertThat(last.statusCode()).isEqualTo(423);
        assertThat(read(last).get("detail").asString()).contains("locked");
    }

    @Test
    void refresh_rotates_and_logout_ends_the_session() throws Exception {
        post("/api/auth/register", registration(email, PASSWORD, "Ada"), null, null);
        String first = refreshCookie(post("/api/auth/login", credentials(email, PASSWORD), null, null));

        HttpResponse<String> refreshed = post("/api/auth/refresh", "", null, first);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(read(refreshed).get("accessToken").asString()).isNotBlank();
        String second = refreshCookie(refreshed);
        assertThat(second).isNotEqualTo(first);
        assertThat(post("/api/auth/refresh", "", null, first).statusCode()).as("a used refresh token").isEqualTo(401);

        HttpResponse<String> logout = post("/api/auth/logout", "", null, second);
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(post("/api/auth/refresh", "", null, second).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/refresh", "", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void refuses_a_missing_forged_expired_or_foreign_audience_token() throws Exception {
        KeycloakRealm keycloak = Infrastructure.keycloak();
        post("/api/auth/register", registration(email, PASSWORD, "Ada"), null, null);

        HttpResponse<String> none = get("/api/auth/me", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(get("/api/auth/me", ForgedTokens.signedByAnotherKey(keycloak.issuer(), "someone")).statusCode())
                .isEqualTo(401);

        String foreignAudience = read(form(keycloak.issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", email, "password", PASSWORD)))
                .get("access_token").asString();
        assertThat(get("/api/auth/me", foreignAudience).statusCode()).isEqualTo(401);

        String expiring = tokenLivingTwoSeconds(keycloak);
        assertThat(get("/api/auth/me", expiring).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/api/auth/me", expiring).statusCode() == 401);
    }

    /** Shortens the realm's token lifespan for one sign-in, then puts it back. */
    private String tokenLivingTwoSeconds(KeycloakRealm keycloak) throws Exception {
        try (var admin = KeycloakBuilder.builder().serverUrl(keycloak.url()).realm("master").clientId("admin-cli")
                .username("admin").password(keycloak.adminPassword()).build()) {
            var realm = admin.realm("quotah");
            RealmRepresentation settings = realm.toRepresentation();
            int lifespan = settings.getAccessTokenLifespan();
            settings.setAccessTokenLifespan(2);
            realm.update(settings);
            try {
                return read(post("/api/auth/login", credentials(email, PASSWORD), null, null)).get("accessToken")
                        .asString();
            } finally {
                settings.setAccessTokenLifespan(lifespan);
                realm.update(settings);
            }
        }
    }

    private Map<String, String> fieldErrors(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        var errors = new java.util.HashMap<String, String>();
        read(response).get("errors").forEach(error -> errors.put(error.get("field").asString(),
                error.get("message").asString()));
        return errors;
    }

    private static String refreshCookie(HttpResponse<String> response) {
        Matcher matcher = COOKIE.matcher(response.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String registration(String email, String password, String displayName) {
        return "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"%s\"}".formatted(email, password, displayName);
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password);
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String body, String token, String refreshCookie)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (refreshCookie != null) {
            request.header("Cookie", "quotah_refresh=" + refreshCookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path, String body, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String url, Map<String, String> fields) throws IOException, InterruptedException {
        String body = String.join("&", fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        // localhost, not 127.0.0.1: the refresh cookie is Secure everywhere but on localhost
        return URI.create("http://localhost:" + port + path);
    }

}
