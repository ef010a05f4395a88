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
 * @param rateLimit how many requests a user, and an address signing in, may make
 */
@ConfigurationProperties("quotah.gateway")
public record GatewayProperties(
        @DefaultValue("http://localhost:8180/realms/quotah") String issuer,
        @DefaultValue("quotah-api") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue List<String> corsOrigins,
        @DefaultValue RateLimit rateLimit) {

    /**
     * @param perUserPerSecond the steady rate a signed-in user may call the API at
     * @param perUserBurst how many calls a user may make at once
     * @param signInPerAddressPerMinute sign-ups and sign-ins one address may attempt a minute
     * @param namespace prefix of the counters' keys, so installations sharing a Redis count apart
     */
    public record RateLimit(
            @DefaultValue("20") int perUserPerSecond,
            @DefaultValue("40") int perUserBurst,
            @DefaultValue("10") int signInPerAddressPerMinute,
            @DefaultValue("quotah") String namespace) {
    }
}
