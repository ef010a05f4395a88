package io.quotah.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.KeycloakUsers;
import io.quotah.testkit.RealInfrastructureWithKeycloak;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Limits counted in Redis: a user over their allowance, and an address guessing passwords, get 429 + Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructureWithKeycloak
class GatewayRateLimitIT {

    private static final String PASSWORD = "a long test password";
    private static HttpServer backend;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBackend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        backend.start();
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + backend.getAddress().getPort();
        registry.add("QUOTAH_ANALYTICS_URL", () -> url);
        registry.add("QUOTAH_AUTH_URL", () -> url);
        // counters of this run only: Redis outlives test runs
        registry.add("quotah.gateway.rate-limit.namespace", () -> "test-" + UUID.randomUUID());
        registry.add("quotah.gateway.rate-limit.per-user-per-second", () -> "5");
        registry.add("quotah.gateway.rate-limit.per-user-burst", () -> "10");
        registry.add("quotah.gateway.rate-limit.sign-in-per-address-per-minute", () -> "3");
    }

    @Test
    void a_user_over_the_allowance_is_told_to_retry_and_another_user_is_not() {
        KeycloakUsers users = new KeycloakUsers(Infrastructure.keycloak());
        String busy = users.accessToken(users.create(PASSWORD), PASSWORD);
        String quiet = users.accessToken(users.create(PASSWORD), PASSWORD);

        List<HttpResponse<Void>> burst = all(40, () -> request("/api/multi/rate-limits", busy, "GET"));

        assertThat(burst).filteredOn(response -> response.statusCode() == 204).hasSizeGreaterThanOrEqualTo(10);
        assertThat(burst).filteredOn(response -> response.statusCode() == 429).isNotEmpty()
                .allSatisfy(response -> assertThat(response.headers().firstValue("Retry-After")).hasValue("1"));
        assertThat(request("/api/multi/rate-limits", quiet, "GET").join().statusCode()).isEqualTo(204);
    }

    @Test
    void sign_in_attempts_from_one_address_are_limited_strictly() {
        List<HttpResponse<Void>> attempts = IntStream.range(0, 6)
                .mapToObj(i -> request("/api/auth/login", null, "POST").join()).toList();

        assertThat(attempts.subList(0, 3)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(204));
        assertThat(attempts.subList(3, 6)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        });
    }

    private CompletableFuture<HttpResponse<Void>> request(String path, String token, String method) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static List<HttpResponse<Void>> all(int count,
            java.util.function.Supplier<CompletableFuture<HttpResponse<Void>>> send) {
        List<CompletableFuture<HttpResponse<Void>>> sent = IntStream.range(0, count).mapToObj(i -> send.get()).toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
