package io.quotah.dev.simulator.anthropic;

import io.quotah.dev.simulator.http.Router;
import io.quotah.dev.simulator.keys.KeyRegistry;
import io.quotah.dev.simulator.usage.UsageLedger;
import java.time.Clock;

/** Mounts the fake Anthropic API under a path prefix, e.g. {@code /anthropic/v1/messages}. */
public final class AnthropicRoutes {

    private AnthropicRoutes() {
    }

    public static void register(Router router, String prefix, Clock clock, KeyRegistry keys, UsageLedger ledger) {
        AnthropicApi api = new AnthropicApi(clock, keys, ledger);
        AnthropicAdminApi admin = new AnthropicAdminApi(clock, keys, ledger);
        router.add("GET", prefix + "/v1/models", api::models)
                .add("POST", prefix + "/v1/messages", api::messages)
                .add("POST", prefix + "/v1/messages/count_tokens", api::countTokens)
                .add("GET", prefix + "/v1/organizations/usage_report/messages", admin::usageReport)
                .add("GET", prefix + "/v1/organizations/cost_report", admin::costReport)
                .add("GET", prefix + "/v1/organizations/rate_limits", admin::rateLimits)
                .fallback(prefix + "/", request -> AnthropicErrors.error(404, "not_found_error", "Not Found",
                        AnthropicErrors.newRequestId()));
    }
}
