package io.quotah.auth.keycloak;

import io.quotah.auth.config.AuthProperties;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Accounts in Keycloak, managed with the admin client as auth-service's service account. */
@Component
public class KeycloakAccounts implements DisposableBean {

    private final Keycloak keycloak;
    private final String realm;

    KeycloakAccounts(AuthProperties properties) {
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(properties.keycloakUrl())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .build();
        this.realm = properties.realm();
    }

    /**
     * Creates an enabled account whose username is its email; the display name is kept as the first name.
     *
     * @return the new account's id (its Keycloak subject)
     * @throws DuplicateAccountException if the email is taken
     * @throws PasswordRejectedException if the realm's password policy refuses the password
     */
    public String create(String email, String password, String displayName) {
        var credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        var user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName(displayName);
        user.setCredentials(List.of(credential));
        return reachable("creating an account", () -> {
            try (Response response = realm().users().create(user)) {
                return switch (response.getStatus()) {
                    case 201 -> idFromLocation(response);
                    case 409 -> throw new DuplicateAccountException();
                    case 400 -> throw new PasswordRejectedException(describe(response));
                    default -> throw unexpected(response.getStatus(), "creating an account");
                };
            }
        });
    }

    public Optional<String> idOf(String email) {
        return reachable("finding an account", () -> realm().users().searchByEmail(email, true).stream()
                .map(UserRepresentation::getId).findFirst());
    }

    /** Whether brute-force detection has locked the account for now. */
    public boolean isLockedOut(String userId) {
        Map<String, Object> status = reachable("reading a lock-out",
                () -> realm().attackDetection().bruteForceUserStatus(userId));
        return Boolean.TRUE.equals(status.get("disabled"));
    }

    public void delete(String userId) {
        reachable("deleting an account", () -> {
            try (Response response = realm().users().delete(userId)) {
                if (response.getStatus() != 204 && response.getStatus() != 404) {
                    throw unexpected(response.getStatus(), "deleting an account");
                }
                return null;
            }
        });
    }

    /** Keycloak away (no connection, a timeout) or failing (5xx) is a fault of a dependency, not of the request. */
    private static <T> T reachable(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            throw new KeycloakUnavailableException("Keycloak could not be reached for " + what, e);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() >= 500) {
                throw new KeycloakUnavailableException("Keycloak failed " + what, e);
            }
            throw e;
        }
    }

    private static RuntimeException unexpected(int status, String what) {
        return status >= 500 ? new KeycloakUnavailableException("Keycloak answered " + status + " to " + what, null)
                : new IllegalStateException("Keycloak answered " + status + " to " + what);
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private static String idFromLocation(Response response) {
        String path = response.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String describe(Response response) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = response.hasEntity() ? response.readEntity(Map.class) : Map.of();
        Object description = body.getOrDefault("error_description", body.getOrDefault("errorMessage", "refused"));
        return String.valueOf(description);
    }

    @Override
    public void destroy() {
        keycloak.close();
    }
}
