package io.quotah.auth.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of auth-service ({@code quotah.auth.*}).
 *
 * @param keycloakUrl where Keycloak answers, e.g. {@code http://localhost:8180}; also the tokens' issuer host
 * @param realm the realm holding Quotah's accounts
 * @param clientId auth-service's confidential client
 * @param clientSecret that client's secret (from a Secret in production; {@code ./quotah up} makes one)
 * @param refreshCookie the name of the HttpOnly cookie that carries the refresh token
 */
@ConfigurationProperties("quotah.auth")
public record AuthProperties(
        @DefaultValue("http://localhost:8180") String keycloakUrl,
        @DefaultValue("quotah") String realm,
        @DefaultValue("quotah-auth") String clientId,
        String clientSecret,
        @DefaultValue("quotah_refresh") String refreshCookie) {

    public String tokenEndpoint() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public String logoutEndpoint() {
        return realmUrl() + "/protocol/openid-connect/logout";
    }

    private String realmUrl() {
        return keycloakUrl + "/realms/" + realm;
    }
}
