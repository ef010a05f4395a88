package io.quotah.gateway.security;

import io.quotah.gateway.config.GatewayProperties;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway's wall: every {@code /api/**} request but sign-up, sign-in, session renewal and unsubscribe links needs a token
 * from the quotah realm, for the API audience, unexpired and signed by the realm's keys (services check
 * again). Every response carries security headers; browsers from other origins are let in only when
 * configured.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    private static final String[] OPEN_API_PATHS = {"/api/auth/register", "/api/auth/login", "/api/auth/refresh",
            "/api/auth/logout", "/api/docs", "/api/docs/**",
            // the one-click unsubscribe link of an alert email works without an account: its token is the proof
            "/api/notifications/unsubscribe"};

    /** Only our own scripts, styles, images and API; no framing, no plugins. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityWebFilterChain gatewayFilterChain(ServerHttpSecurity http, GatewayProperties properties) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // the API takes bearer tokens; the cookie is SameSite=Strict
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .cors(cors -> cors.configurationSource(cors(properties.corsOrigins())))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(OPEN_API_PATHS).permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // HSTS only where the request came over HTTPS: never pins localhost
                        .hsts(hsts -> hsts.includeSubdomains(true)))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewayProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSetUri(properties.issuer() + "/protocol/openid-connect/certs").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()), audience(properties.audience())));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error missing = new OAuth2Error("invalid_token", "the token is not meant for " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(missing);
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        var source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            var config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type"));
            config.setAllowCredentials(true);
            config.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", config);
        }
        return source;
    }
}
