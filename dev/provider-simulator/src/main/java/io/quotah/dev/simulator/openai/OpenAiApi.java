package io.quotah.dev.simulator.openai;

import io.quotah.dev.simulator.bucket.Admission;
import io.quotah.dev.simulator.bucket.BucketGroup;
import io.quotah.dev.simulator.bucket.BucketState;
import io.quotah.dev.simulator.bucket.Charge;
import io.quotah.dev.simulator.http.Ids;
import io.quotah.dev.simulator.http.Json;
import io.quotah.dev.simulator.http.ResponseException;
import io.quotah.dev.simulator.http.SimRequest;
import io.quotah.dev.simulator.http.SimResponse;
import io.quotah.dev.simulator.keys.KeyRegistry;
import io.quotah.dev.simulator.keys.SimulatedKey;
import io.quotah.dev.simulator.scenario.Fault;
import io.quotah.dev.simulator.scenario.ModelCatalog;
import io.quotah.dev.simulator.scenario.ModelInfo;
import io.quotah.dev.simulator.scenario.Provider;
import io.quotah.dev.simulator.usage.TokenEstimate;
import io.quotah.dev.simulator.usage.UsageCounts;
import io.quotah.dev.simulator.usage.UsageLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI's key-authenticated endpoints: models, Chat Completions and Responses. */
final class OpenAiApi {

    /** Visible reply length unless the output limit cuts it short. */
    static final long REPLY_TOKENS = 32;
    /** Reasoning models think this many tokens first; they count as output and come out of the same limit. */
    static final long REASONING_TOKENS = 64;

    /** Output tokens of one completion. */
    private record Completion(long reasoning, long visible, boolean cutShort) {

        long total() {
            return reasoning + visible;
        }
    }

    /** What the two generation endpoints share once their bodies are read. */
    private record Served(OpenAiPrompt.Tokens tokens, Completion completion, Map<String, String> headers) {
    }

    private final Clock clock;
    private final UsageLedger ledger;
    private final OpenAiAuth auth;

    OpenAiApi(Clock clock, KeyRegistry keys, UsageLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
        this.auth = new OpenAiAuth(keys);
    }

    /** GET /v1/models: the models (and dated snapshots) this key may use. No rate-limit headers. */
    SimResponse models(SimRequest request) {
        String requestId = OpenAiErrors.newRequestId();
        SimulatedKey key = auth.apiKey(request, requestId);
        applyFault(key, requestId, false);
        ObjectNode body = Json.object();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        for (ModelInfo model : ModelCatalog.models(Provider.OPENAI)) {
            if (key.limitsFor(model.modelClass()).isEmpty()) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            names.add(model.id());
            names.add(model.servedName());
            names.forEach(name -> data.addObject()
                    .put("id", name)
                    .put("object", "model")
                    .put("created", model.createdAt().getEpochSecond())
                    .put("owned_by", "system"));
        }
        return ok(body, key, requestId, Duration.ZERO);
    }

    /** POST /v1/chat/completions. */
    SimResponse chatCompletions(SimRequest request) {
        Instant started = Instant.now();
        String requestId = OpenAiErrors.newRequestId();
        SimulatedKey key = auth.apiKey(request, requestId);
        applyFault(key, requestId, true);
        JsonNode body = jsonBody(request, requestId);
        ModelInfo model = model(body, key, requestId);
        JsonNode messages = body.path("messages");
        if (!messages.isArray()) {
            throw OpenAiErrors.invalidRequest("Missing required parameter: 'messages'.", "messages",
                    "missing_required_parameter", requestId);
        }
        Long maxOutput = maxOutput(body, requestId, "max_completion_tokens", "max_tokens");
        Served served = serve(key, model, OpenAiPrompt.ofChat(messages), maxOutput, requestId);

        ObjectNode completion = Json.object();
        completion.put("id", "chatcmpl-" + Ids.base62(29));
        completion.put("object", "chat.completion");
        completion.put("created", clock.instant().getEpochSecond());
        completion.put("model", model.servedName());
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", TokenEstimate.replyText(served.completion().visible()))
                .putNull("refusal")
                .putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", served.completion().cutShort() ? "length" : "stop");
        ObjectNode usage = completion.putObject("usage");
        usage.put("prompt_tokens", served.tokens().prompt());
        usage.put("completion_tokens", served.completion().total());
        usage.put("total_tokens", served.tokens().prompt() + served.completion().total());
        usage.putObject("prompt_tokens_details")
                .put("cached_tokens", served.tokens().cached())
                .put("audio_tokens", 0);
        usage.putObject("completion_tokens_details")
                .put("reasoning_tokens", served.completion().reasoning())
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        completion.put("service_tier", "default");
        completion.put("system_fingerprint", "fp_" + Ids.hex(10));
        return ok(completion, key, requestId, Duration.between(started, Instant.now())).withHeaders(served.headers());
    }

    /** POST /v1/responses. */
    SimResponse responses(SimRequest request) {
        Instant started = Instant.now();
        String requestId = OpenAiErrors.newRequestId();
        SimulatedKey key = auth.apiKey(request, requestId);
        applyFault(key, requestId, true);
        JsonNode body = jsonBody(request, requestId);
        ModelInfo model = model(body, key, requestId);
        if (!body.path("input").isString() && !body.path("input").isArray()) {
            throw OpenAiErrors.invalidRequest("Missing required parameter: 'input'.", "input",
                    "missing_required_parameter", requestId);
        }
        Long maxOutput = maxOutput(body, requestId, "max_output_tokens");
        Served served = serve(key, model, OpenAiPrompt.ofResponses(body), maxOutput, requestId);

        Instant now = clock.instant();
        ObjectNode response = Json.object();
        response.put("id", "resp_" + Ids.hex(48));
        response.put("object", "response");
        response.put("created_at", now.getEpochSecond());
        response.put("status", served.completion().cutShort() ? "incomplete" : "completed");
        response.putNull("error");
        if (served.completion().cutShort()) {
            response.putObject("incomplete_details").put("reason", "max_output_tokens");
        } else {
            response.putNull("incomplete_details");
        }
        response.set("instructions", body.path("instructions").isString() ? body.get("instructions") : null);
        response.put("max_output_tokens", maxOutput);
        response.put("model", model.servedName());
        ArrayNode output = response.putArray("output");
        if (served.completion().reasoning() > 0) {
            output.addObject().put("type", "reasoning").put("id", "rs_" + Ids.hex(48)).putArray("summary");
        }
        if (served.completion().visible() > 0) {
            ObjectNode message = output.addObject();
            message.put("type", "message");
            message.put("id", "msg_" + Ids.hex(48));
            message.put("status", served.completion().cutShort() ? "incomplete" : "completed");
            message.put("role", "assistant");
            message.putArray("content").addObject()
                    .put("type", "output_text")
                    .put("text", TokenEstimate.replyText(served.completion().visible()))
                    .putArray("annotations");
        }
        response.put("parallel_tool_calls", true);
        response.putNull("previous_response_id");
        response.put("store", true);
        response.put("temperature", 1.0);
        response.putObject("text").putObject("format").put("type", "text");
        response.put("tool_choice", "auto");
        response.putArray("tools");
        response.put("top_p", 1.0);
        response.put("truncation", "disabled");
        ObjectNode usage = response.putObject("usage");
        usage.put("input_tokens", served.tokens().prompt());
        // cache_write_tokens is required by the official SDK's ResponseUsage; the simulator models no cache writes
        usage.putObject("input_tokens_details")
                .put("cached_tokens", served.tokens().cached())
                .put("cache_write_tokens", 0);
        usage.put("output_tokens", served.completion().total());
        usage.putObject("output_tokens_details").put("reasoning_tokens", served.completion().reasoning());
        usage.put("total_tokens", served.tokens().prompt() + served.completion().total());
        response.putNull("user");
        response.putObject("metadata");
        return ok(response, key, requestId, Duration.between(started, Instant.now())).withHeaders(served.headers());
    }

    /** Charges the key's buckets, records usage and returns the numbers both endpoints report. */
    private Served serve(SimulatedKey key, ModelInfo model, OpenAiPrompt prompt, Long maxOutput, String requestId) {
        Instant now = clock.instant();
        OpenAiPrompt.Tokens tokens = prompt.tokens(model, key.promptCache(), now);
        Completion completion = complete(model, maxOutput);
        // TPM is estimated up front from the prompt and the output allowance, as OpenAI does
        long output = maxOutput != null ? maxOutput : completion.total();
        long input = Provider.OPENAI.rateLimitedInputTokens(tokens.uncached(), 0, tokens.cached());
        BucketGroup limits = key.limitsFor(model.modelClass()).orElseThrow();
        Admission admission = limits.admit(new Charge(1, input, output), now);
        Map<String, String> headers = OpenAiRateLimitHeaders.of(admission.states());
        if (admission instanceof Admission.Rejected rejected) {
            throw rateLimited(rejected, headers, key, model, requestId);
        }
        if (tokens.prefixHash() != null) {
            key.promptCache().remember(tokens.prefixHash(), OpenAiPrompt.CACHE_TTL, now);
        }
        ledger.record(key.id(), model.servedName(), now,
                new UsageCounts(1, tokens.uncached(), 0, 0, tokens.cached(), completion.total()));
        return new Served(tokens, completion, headers);
    }

    private static Completion complete(ModelInfo model, Long maxOutput) {
        long budget = maxOutput == null ? Long.MAX_VALUE : maxOutput;
        long reasoning = model.reasoning() ? Math.min(REASONING_TOKENS, budget) : 0;
        long visible = Math.min(REPLY_TOKENS, budget - reasoning);
        long wanted = (model.reasoning() ? REASONING_TOKENS : 0) + REPLY_TOKENS;
        return new Completion(reasoning, visible, reasoning + visible < wanted);
    }

    private void applyFault(SimulatedKey key, String requestId, boolean generation) {
        Fault fault = key.fault();
        switch (fault.type()) {
            case SLOW -> fault.holdTheAnswer();
            case SERVER_ERROR -> throw OpenAiErrors.fail(500, "The server had an error while processing your "
                    + "request. Sorry about that!", "server_error", null, null, requestId);
            case OVERLOADED -> throw OpenAiErrors.fail(503, "The server is overloaded or not ready yet.",
                    "server_error", null, null, requestId);
            case INSUFFICIENT_QUOTA -> {
                if (generation) {
                    throw OpenAiErrors.fail(429, "You exceeded your current quota, please check your plan and billing "
                            + "details. For more information on this error, read the docs: "
                            + "https://platform.openai.com/docs/guides/error-codes/api-errors.",
                            "insufficient_quota", null, "insufficient_quota", requestId);
                }
            }
            case SPEND_CAP -> {
                if (generation) {
                    throw OpenAiErrors.fail(429, "You have reached your organization's spend limit. Raise the limit "
                            + "in your billing settings to continue.", "insufficient_quota", null,
                            "organization_spend_limit_exceeded", requestId);
                }
            }
            case NONE, INVALID -> {
                // INVALID is answered by authentication
            }
        }
    }

    private static ResponseException rateLimited(Admission.Rejected rejected, Map<String, String> headers,
                                                 SimulatedKey key, ModelInfo model, String requestId) {
        BucketState exceeded = rejected.exceeded();
        String[] kind = switch (rejected.window()) {
            case TOKENS_PER_MINUTE -> new String[] {"tokens per min (TPM)", "tokens"};
            case REQUESTS_PER_DAY -> new String[] {"requests per day (RPD)", "requests"};
            default -> new String[] {"requests per min (RPM)", "requests"};
        };
        Duration wait = OpenAiRateLimitHeaders.ceilToMillis(rejected.retryAfter());
        String message = "Rate limit reached for " + model.id() + " in project " + key.spec().projectId() + " on "
                + kind[0] + ": Limit " + exceeded.limit() + ", Used " + exceeded.used() + ", Requested "
                + rejected.requested() + ". Please try again in " + GoDuration.format(wait)
                + ". Visit https://platform.openai.com/account/rate-limits to learn more.";
        long retryAfter = Math.max(1, (wait.toMillis() + 999) / 1000);
        SimResponse response = OpenAiErrors.error(429, message, kind[1], null, "rate_limit_exceeded", requestId)
                .withHeaders(headers)
                .withHeader("retry-after", Long.toString(retryAfter));
        return new ResponseException(response);
    }

    private static ModelInfo model(JsonNode body, SimulatedKey key, String requestId) {
        JsonNode name = body.path("model");
        if (!name.isString()) {
            throw OpenAiErrors.invalidRequest("you must provide a model parameter", null, null, requestId);
        }
        // a model the key has no limits for is as good as unknown to it
        return ModelCatalog.lookup(Provider.OPENAI, name.stringValue())
                .filter(model -> key.limitsFor(model.modelClass()).isPresent())
                .orElseThrow(() -> OpenAiErrors.fail(404, "The model `" + name.stringValue()
                                + "` does not exist or you do not have access to it.", "invalid_request_error", null,
                        "model_not_found", requestId));
    }

    private static Long maxOutput(JsonNode body, String requestId, String... names) {
        for (String name : names) {
            JsonNode value = body.path(name);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            if (!value.canConvertToLong() || value.asLong() < 1) {
                throw OpenAiErrors.invalidRequest("Invalid '" + name + "': integer below minimum value. Expected a "
                        + "value >= 1, but got " + value + " instead.", name, "integer_below_min_value", requestId);
            }
            return value.asLong();
        }
        return null;
    }

    private static JsonNode jsonBody(SimRequest request, String requestId) {
        JsonNode body;
        try {
            body = Json.parse(request.body());
        } catch (JacksonException e) {
            throw OpenAiErrors.invalidRequest("We could not parse the JSON body of your request. (HINT: This likely "
                    + "means you aren't using your HTTP library correctly.)", null, null, requestId);
        }
        if (body == null || !body.isObject()) {
            throw OpenAiErrors.invalidRequest("The request body must be a JSON object.", null, null, requestId);
        }
        if (body.path("stream").asBoolean(false)) {
            throw OpenAiErrors.invalidRequest("The provider simulator does not stream responses.", "stream", null,
                    requestId);
        }
        return body;
    }

    private static SimResponse ok(ObjectNode body, SimulatedKey key, String requestId, Duration processing) {
        return SimResponse.json(200, body)
                .withHeader("x-request-id", requestId)
                .withHeader("openai-organization", key.spec().organizationId())
                .withHeader("openai-project", key.spec().projectId())
                .withHeader("openai-processing-ms", Long.toString(processing.toMillis()))
                .withHeader("openai-version", "2020-10-01");
    }
}
