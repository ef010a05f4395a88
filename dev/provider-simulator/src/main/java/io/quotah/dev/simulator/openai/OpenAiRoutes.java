package io.quotah.dev.simulator.openai;

import io.quotah.dev.simulator.http.Router;
import io.quotah.dev.simulator.keys.KeyRegistry;
import io.quotah.dev.simulator.usage.UsageLedger;
import java.time.Clock;

/** Mounts the fake OpenAI API under a path prefix, e.g. {@code /openai/v1/chat/completions}. */
public final class OpenAiRoutes {

    private OpenAiRoutes() {
    }

    public static void register(Router router, String prefix, Clock clock, KeyRegistry keys, UsageLedger ledger) {
        OpenAiApi api = new OpenAiApi(clock, keys, ledger);
        OpenAiAdminApi admin = new OpenAiAdminApi(clock, keys, ledger);
        router.add("GET", prefix + "/v1/models", api::models)
                .add("POST", prefix + "/v1/chat/completions", api::chatCompletions)
                .add("POST", prefix + "/v1/responses", api::responses)
                .add("GET", prefix + "/v1/organization/usage/completions", admin::completionsUsage)
                .add("GET", prefix + "/v1/organization/costs", admin::costs)
                .add("GET", prefix + "/v1/organization/projects/{project_id}/rate_limits", admin::projectRateLimits)
                .fallback(prefix + "/", request -> OpenAiErrors.error(404, "Invalid URL (" + request.method() + " "
                        + request.path().substring(prefix.length()) + ")", "invalid_request_error", null, null,
                        OpenAiErrors.newRequestId()));
    }
}
