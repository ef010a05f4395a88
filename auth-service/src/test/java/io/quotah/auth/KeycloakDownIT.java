package io.quotah.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.testkit.ApiCalls;
import io.quotah.testkit.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Keycloak away (not started yet, or restarting): auth-service says so, as a 503 to try again and in readiness. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class KeycloakDownIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keycloakAway(DynamicPropertyRegistry registry) {
        String nowhere = "http://127.0.0.1:" + closedPort();
        registry.add("quotah.auth.keycloak-url", () -> nowhere);
        registry.add("quotah.auth.client-secret", () -> "unused");
        registry.add("quotah.security.issuer", () -> nowhere + "/realms/quotah");
    }

    @Test
    void sign_up_and_sign_in_answer_503_with_retry_after_not_500() {
        ApiCalls calls = ApiCalls.toPort(port);

        HttpResponse<String> signUp = calls.send("POST", "/api/auth/register", null, """
                {"email": "ada@example.com", "password": "a long enough password", "displayName": "Ada"}""");
        HttpResponse<String> signIn = calls.send("POST", "/api/auth/login", null, """
                {"email": "ada@example.com", "password": "a long enough password"}""");

        for (HttpResponse<String> answer : List.of(signUp, signIn)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void is_not_ready_while_keycloak_is_away() {
        HttpResponse<String> readiness = ApiCalls.toPort(port).get("/actuator/health/readiness", null);

        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"keycloak\"", "DOWN");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
