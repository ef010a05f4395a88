package io.quotah.dev.simulator.anthropic;

import io.quotah.dev.simulator.http.SimRequest;
import io.quotah.dev.simulator.keys.KeyRegistry;
import io.quotah.dev.simulator.keys.SimulatedKey;
import io.quotah.dev.simulator.scenario.FaultType;
import io.quotah.dev.simulator.scenario.Provider;
import java.util.List;

/**
 * Anthropic authenticates by {@code x-api-key} (or {@code Authorization: Bearer}, as its Java SDK sends the key)
 * and insists on an {@code anthropic-version} header.
 */
final class AnthropicAuth {

    private final KeyRegistry keys;

    AnthropicAuth(KeyRegistry keys) {
        this.keys = keys;
    }

    SimulatedKey apiKey(SimRequest request, String requestId) {
        String secret = secret(request, requestId);
        SimulatedKey key = keys.find(Provider.ANTHROPIC, secret)
                .filter(found -> found.fault().type() != FaultType.INVALID)
                .orElseThrow(() -> AnthropicErrors.authentication("invalid x-api-key", requestId));
        requireVersion(request, requestId);
        return key;
    }

    /** The keys of the organization whose Admin key the request carries. */
    List<SimulatedKey> adminKey(SimRequest request, String requestId) {
        List<SimulatedKey> organization = keys.organization(Provider.ANTHROPIC, secret(request, requestId));
        if (organization.isEmpty()) {
            throw AnthropicErrors.authentication("invalid x-api-key", requestId);
        }
        requireVersion(request, requestId);
        return organization;
    }

    private static String secret(SimRequest request, String requestId) {
        // the official Java SDK (anthropic-java 3.x) sends the API key as Authorization: Bearer
        return request.header("x-api-key").filter(value -> !value.isBlank())
                .or(() -> request.header("authorization")
                        .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                        .map(value -> value.substring(7).trim())
                        .filter(value -> !value.isEmpty()))
                .orElseThrow(() -> AnthropicErrors.authentication("x-api-key header is required", requestId));
    }

    private static void requireVersion(SimRequest request, String requestId) {
        if (request.header("anthropic-version").isEmpty()) {
            throw AnthropicErrors.invalidRequest("anthropic-version: header is required", requestId);
        }
    }
}
