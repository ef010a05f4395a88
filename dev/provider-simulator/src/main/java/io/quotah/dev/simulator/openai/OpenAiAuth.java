package io.quotah.dev.simulator.openai;

import io.quotah.dev.simulator.http.SimRequest;
import io.quotah.dev.simulator.keys.KeyRegistry;
import io.quotah.dev.simulator.keys.SimulatedKey;
import io.quotah.dev.simulator.scenario.FaultType;
import io.quotah.dev.simulator.scenario.Provider;
import java.util.List;

/** OpenAI authenticates by {@code Authorization: Bearer <key>}. */
final class OpenAiAuth {

    private static final String NO_KEY = "You didn't provide an API key. You need to provide your API key in an "
            + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field "
            + "(with blank username) if you're accessing the API from your browser and are prompted for a username. "
            + "You can obtain an API key from https://platform.openai.com/account/api-keys.";

    private final KeyRegistry keys;

    OpenAiAuth(KeyRegistry keys) {
        this.keys = keys;
    }

    SimulatedKey apiKey(SimRequest request, String requestId) {
        String secret = secret(request, requestId);
        return keys.find(Provider.OPENAI, secret)
                .filter(key -> key.fault().type() != FaultType.INVALID)
                .orElseThrow(() -> incorrectKey(secret, requestId));
    }

    /** The keys of the organization whose Admin key the request carries. */
    List<SimulatedKey> adminKey(SimRequest request, String requestId) {
        String secret = secret(request, requestId);
        List<SimulatedKey> organization = keys.organization(Provider.OPENAI, secret);
        if (organization.isEmpty()) {
            throw incorrectKey(secret, requestId);
        }
        return organization;
    }

    /** Shows the key's known prefix and last four characters only, e.g. {@code sk-proj-...abcd}. */
    static String masked(String secret) {
        String prefix = secret.startsWith("sk-proj-") ? "sk-proj-"
                : secret.startsWith("sk-admin-") ? "sk-admin-"
                : secret.startsWith("sk-") ? "sk-" : "";
        String tail = secret.length() > prefix.length() + 4 ? secret.substring(secret.length() - 4) : "";
        return prefix + "..." + tail;
    }

    private static RuntimeException incorrectKey(String secret, String requestId) {
        return OpenAiErrors.fail(401, "Incorrect API key provided: " + masked(secret)
                        + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                "invalid_request_error", null, "invalid_api_key", requestId);
    }

    private static String secret(SimRequest request, String requestId) {
        return request.header("authorization")
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim())
                .filter(value -> !value.isEmpty())
                .orElseThrow(() -> OpenAiErrors.fail(401, NO_KEY, "invalid_request_error", null, null, requestId));
    }
}
