package io.quotah.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quotah.testkit.RealInfrastructure;
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

/** Requests reach the service that owns their path; readiness reflects Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealInfrastructure
class GatewayRoutingIT {

    private static HttpServer analytics;
    private static final AtomicReference<String> lastPath = new AtomicReference<>();

    @Autowired
    WebTestClient client;

    @BeforeAll
    static void startAnalyticsStandIn() throws IOException {
        analytics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        analytics.createContext("/", exchange -> {
            lastPath.set(exchange.getRequestURI().toString());
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

    @Test
    void an_analytics_path_is_routed_to_analytics_unchanged() {
        client.get().uri("/api/multi/rate-limits?window=1h").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.from").isEqualTo("analytics");

        assertThat(lastPath.get()).isEqualTo("/api/multi/rate-limits?window=1h");
    }

    @Test
    void a_service_that_is_down_answers_503_problem_json_naming_it() {
        client.get().uri("/api/alerts").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType("application/problem+json")
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("alert "));
    }

    @Test
    void readiness_is_up_with_redis_reachable() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
    }
}
