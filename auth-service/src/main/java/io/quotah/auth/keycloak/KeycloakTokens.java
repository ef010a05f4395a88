package io.quotah.auth.keycloak;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quotah.auth.config.AuthProperties;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** Keycloak's token endpoint, spoken to as auth-service's confidential client. */
@Component
public class KeycloakTokens {

    private final RestClient http;
    private final AuthProperties properties;

    KeycloakTokens(RestClient.Builder builder, AuthProperties properties) {
        this.http = builder.build();
        this.properties = properties;
    }

    /** Signs a user in with email and password; empty when Keycloak refuses the credentials. */
    public Optional<Tokens> signIn(String email, String password) {
        MultiValueMap<String, String> form = clientForm();
        form.add("grant_type", "password");
        form.add("username", email);
        form.add("password", password);
        form.add("scope", "openid");
        return exchange(form);
    }

    /** Trades a refresh token for new tokens; the old refresh token stops working (rotation). */
    public Optional<Tokens> refresh(String refreshToken) {
        MultiValueMap<String, String> form = clientForm();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return exchange(form);
    }

    /** Ends the session the refresh token belongs to. */
    public void signOut(String refreshToken) {
        MultiValueMap<String, String> form = clientForm();
        form.add("refresh_token", refreshToken);
        try {
            http.post().uri(properties.logoutEndpoint()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve()
                    // an already ended session is as good as ended
                    .onStatus(HttpStatusCode::is4xxClientError, (request, response) -> { })
                    .toBodilessEntity();
        } catch (ResourceAccessException | HttpServerErrorException e) {
            throw new KeycloakUnavailableException("Keycloak could not end the session", e);
        }
    }

    /** Keycloak answers 400 or 401 (invalid_grant) to credentials or tokens it will not honour. */
    private Optional<Tokens> exchange(MultiValueMap<String, String> form) {
        try {
            return http.post().uri(properties.tokenEndpoint()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 400 || status == 401) {
                            return Optional.<Tokens>empty();
                        }
                        if (response.getStatusCode().is5xxServerError()) {
                            throw new KeycloakUnavailableException("Keycloak's token endpoint answered " + status,
                                    null);
                        }
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new IllegalStateException("Keycloak's token endpoint answered " + status);
                        }
                        return Optional.ofNullable(response.bodyTo(Tokens.class));
                    });
        } catch (ResourceAccessException e) {
            throw new KeycloakUnavailableException("Keycloak's token endpoint could not be reached", e);
        }
    }

    private MultiValueMap<String, String> clientForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        return form;
    }

    /** What the token endpoint answers; lifetimes in seconds. */
    public record Tokens(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("refresh_expires_in") long refreshExpiresIn) {
    }
}
