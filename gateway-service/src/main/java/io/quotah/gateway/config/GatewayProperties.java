package io.quotah.gateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway ({@code quotah.gateway.*}); the routes themselves are in application.yml.
 *
 * @param issuer the realm whose tokens are accepted
 * @param audience the audience an API token must carry
 * @param clockSkew how far clocks may disagree when checking expiry
 * @param corsOrigins origins allowed to call the API from a browser; none by default (same origin only)
 */
@ConfigurationProperties("quotah.gateway")
public record GatewayProperties(
        @DefaultValue("http://localhost:8180/realms/quotah") String issuer,
        @DefaultValue("quotah-api") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue List<String> corsOrigins) {
}
