package io.quotah.auth.keycloak;

import io.quotah.auth.config.AuthProperties;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Whether the realm answers: every sign-up and sign-in goes through it, so auth-service is ready only while it does.
 * Named {@code keycloak} in the health groups.
 */
@Component("keycloak")
class KeycloakHealth implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final RestClient http;
    private final String discovery;

    KeycloakHealth(RestClient.Builder builder, AuthProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(TIMEOUT);
        this.http = builder.clone().requestFactory(requests).build();
        this.discovery = properties.keycloakUrl() + "/realms/" + properties.realm()
                + "/.well-known/openid-configuration";
    }

    @Override
    public Health health() {
        try {
            http.get().uri(discovery).retrieve().toBodilessEntity();
            return Health.up().withDetail("realm", discovery).build();
        } catch (RestClientException e) {
            return Health.down().withDetail("realm", discovery).withDetail("error", e.getMessage()).build();
        }
    }
}
