package io.quotah.platform.security;

import java.time.Duration;
import org.springframework.util.unit.DataSize;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the tokens it is called with ({@code quotah.security.*}). Services validate tokens
 * themselves: the gateway is not the only wall.
 *
 * @param issuer the realm that issues tokens; a token from any other issuer is refused
 * @param audience the audience every Quotah API token must carry
 * @param publicPaths request paths (Ant patterns) that need no token, besides the health probes
 * @param clockSkew how far clocks may disagree when checking a token's expiry
 * @param maxRequestSize the largest request body taken (1000 usage records are well under a megabyte)
 */
@ConfigurationProperties("quotah.security")
public record ApiSecurityProperties(
        @DefaultValue("http://localhost:8180/realms/quotah") String issuer,
        @DefaultValue("quotah-api") String audience,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("1MB") DataSize maxRequestSize) {

    public String jwkSetUri() {
        return issuer + "/protocol/openid-connect/certs";
    }
}
