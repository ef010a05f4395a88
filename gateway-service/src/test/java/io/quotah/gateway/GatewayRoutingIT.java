package io.quotah.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quotah.testkit.ForgedTokens;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.KeycloakUsers;
import io.quotah.testkit.RealInfrastructureWithKeycloak;
import static org.awaitility.Awaitility.await;
import java.time.Duration;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Requests reach the service that owns their path, only with a valid token of the realm; every answer
 * carries the security headers; Redis's health is reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "quotah.gateway.clock-skew=0s")
@AutoConfigureWebTestClient
@RealInfrastructureWithKeycloak
class GatewayRoutingIT {

    private static HttpServer analytics;
    private static final AtomicReference<String> lastPath = new AtomicReference<>();
    private static final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private static final String PASSWORD = "a long test password";

    @Autowired
    WebTestClient client;

    @BeforeAll
    static void startAnalyticsStandIn() throws IOException {
        analytics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        analytics.createContext("/", exchange -> {
            lastPath.set(exchange.getRequestURI().toString());
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"from\":\"analytics\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        analytics.start();
    }

    @AfterAll
    static void stop() {
        analytics.stop(0);
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("QUOTAH_ANALYTICS_URL", () -> "http://127.0.0.1:" + analytics.getAddress().getPort());
        registry.add("QUOTAH_AUTH_URL", () -> "http://127.0.0.1:" + analytics.getAddress().getPort());
        registry.add("QUOTAH_ALERT_URL", () -> "http://127.0.0.1:" + closedPort());
    }

    /** A port nothing listens on: a service that is down. */
    private static int closedPort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final KeycloakUsers users = new KeycloakUsers(Infrastructure.keycloak());

    @Test
    void an_analytics_path_is_routed_to_analytics_unchanged_with_the_token() {
        String token = users.accessToken(users.create(PASSWORD), PASSWORD);

        client.get().uri("/api/multi/rate-limits?window=1h").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.from").isEqualTo("analytics");

        assertThat(lastPath.get()).isEqualTo("/api/multi/rate-limits?window=1h");
        assertThat(lastAuthorization.get()).isEqualTo("Bearer " + token);
    }

    @Test
    void signing_in_needs_no_token() {
        client.post().uri("/api/auth/login").exchange().expectStatus().isOk();

        assertThat(lastPath.get()).isEqualTo("/api/auth/login");
    }

    @Test
    void refuses_a_missing_forged_foreign_audience_or_expired_token() {
        String email = users.create(PASSWORD);
        client.get().uri("/api/multi/rate-limits").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", value -> assertThat(value).startsWith("Bearer"));
        client.get().uri("/api/multi/rate-limits").header("Authorization", "Bearer "
                        + ForgedTokens.signedByAnotherKey(Infrastructure.keycloak().issuer(), "someone"))
                .exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/multi/rate-limits").header("Authorization", "Bearer "
                        + users.accessTokenForAnotherAudience(email, PASSWORD))
                .exchange().expectStatus().isUnauthorized();

        String expiring = users.withAccessTokenLifespan(2, () -> users.accessToken(email, PASSWORD));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> client.get().uri("/api/multi/rate-limits")
                .header("Authorization", "Bearer " + expiring).exchange().expectStatus().isUnauthorized());
    }

    @Test
    void each_service_api_document_is_served_under_api_docs_without_a_token() {
        client.get().uri("/api/docs/analytics").exchange().expectStatus().isOk();
        assertThat(lastPath.get()).isEqualTo("/v3/api-docs");

        client.get().uri("/api/docs").exchange().expectStatus().value(status -> assertThat(status).isIn(200, 302));
    }

    @Test
    void every_request_gets_an_id_passed_to_the_service_and_back() {
        String token = users.accessToken(users.create(PASSWORD), PASSWORD);

        client.get().uri("/api/multi/rate-limits").header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "support-ticket-1234").exchange()
                .expectHeader().valueEquals("X-Request-Id", "support-ticket-1234");
        client.get().uri("/api/multi/rate-limits").header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "<script>").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void the_dashboard_is_served_for_every_page_address() {
        for (String page : new String[] {"/", "/login", "/analytics"}) {
            client.get().uri(page).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("text/html")
                    .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"root\">"));
        }
    }

    @Test
    void every_answer_carries_the_security_headers() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "frame-ancestors 'none'"))
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    void a_service_that_is_down_answers_503_problem_json_naming_it() {
        String token = users.accessToken(users.create(PASSWORD), PASSWORD);
        client.get().uri("/api/alerts").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType("application/problem+json")
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("alert "));
    }

    @Test
    void a_body_over_a_megabyte_is_refused_at_the_edge() {
        lastPath.set(null);
        client.post().uri("/api/auth/login").header("Content-Type", "application/json")
                .bodyValue("{\"email\":\"" + "x".repeat(1_100_000) + "\"}").exchange()
                .expectStatus().isEqualTo(413);
        assertThat(lastPath.get()).as("nothing reached auth-service").isNull();
    }

    @Test
    void health_reports_redis_beside_a_readiness_that_does_not_wait_on_it() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.redis.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.redis").doesNotExist();
    }
}
