package io.quotah.dev.simulator.anthropic;

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
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic's key-authenticated endpoints: models, Messages and token counting. */
final class AnthropicApi {

    /** Every reply is this long unless max_tokens cuts it short. */
    static final long REPLY_TOKENS = 32;

    private static final String RATE_LIMIT_ADVICE = " For details, refer to: https://docs.claude.com/en/api/rate-limits."
            + " You can see the response headers for current usage. Please reduce the prompt length or the maximum"
            + " tokens requested, or try again later. You may also contact sales at"
            + " https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.";

    private final Clock clock;
    private final UsageLedger ledger;
    private final AnthropicAuth auth;

    AnthropicApi(Clock clock, KeyRegistry keys, UsageLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
        this.auth = new AnthropicAuth(keys);
    }

    /** GET /v1/models: the models this key may use, newest first. No rate-limit headers, as documented. */
    SimResponse models(SimRequest request) {
        String requestId = AnthropicErrors.newRequestId();
        SimulatedKey key = auth.apiKey(request, requestId);
        applyFault(key, requestId, false);
        List<ModelInfo> models = ModelCatalog.models(Provider.ANTHROPIC).stream()
                .filter(model -> key.limitsFor(model.modelClass()).isPresent())
                .sorted(Comparator.comparing(ModelInfo::createdAt).reversed())
                .toList();
        int limit = new AnthropicQuery(request, requestId).integer("limit", 20, 1, 1000);
        int from = request.queryParam("after_id").map(id -> indexOf(models, id) + 1).orElse(0);
        int to = Math.min(models.size(), from + limit);
        List<ModelInfo> page = models.subList(Math.min(from, to), to);
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        page.forEach(model -> data.addObject()
                .put("type", "model")
                .put("id", model.id())
                .put("display_name", model.displayName())
                .put("created_at", AnthropicRateLimitHeaders.rfc3339(model.createdAt())));
        body.put("has_more", to < models.size());
        putIdOrNull(body, "first_id", page.isEmpty() ? null : page.getFirst().id());
        putIdOrNull(body, "last_id", page.isEmpty() ? null : page.getLast().id());
        return ok(body, key, requestId);
    }

    /** POST /v1/messages. */
    SimResponse messages(SimRequest request) {
        String requestId = AnthropicErrors.newRequestId();
        SimulatedKey key = auth.apiKey(request, requestId);
        applyFault(key, requestId, true);
        JsonNode body = jsonBody(request, requestId);
        ModelInfo model = model(body, key, requestId);
        JsonNode maxTokensNode = body.path("max_tokens");
        if (!maxTokensNode.canConvertToLong() || maxTokensNode.asLong() < 1) {
            throw AnthropicErrors.invalidRequest(maxTokensNode.isMissingNode()
                    ? "max_tokens: Field required" : "max_tokens: Input should be greater than or equal to 1", requestId);
        }
        long maxTokens = maxTokensNode.asLong();
        requireMessages(body, requestId);
        if (body.path("stream").asBoolean(false)) {
            throw AnthropicErrors.invalidRequest("stream: the provider simulator does not stream responses", requestId);
        }

        Instant now = clock.instant();
        AnthropicPrompt.Tokens tokens = AnthropicPrompt.parse(body).tokens(model, key.promptCache(), now);
        long limitedInput = Provider.ANTHROPIC.rateLimitedInputTokens(tokens.uncached(),
                tokens.cacheWrite5m() + tokens.cacheWrite1h(), tokens.cacheRead());
        BucketGroup limits = key.limitsFor(model.modelClass()).orElseThrow();
        // OTPM is charged by max_tokens at the start, as Anthropic estimates it
        Admission admission = limits.admit(new Charge(1, limitedInput, maxTokens), now);
        Map<String, String> headers = AnthropicRateLimitHeaders.of(admission.states());
        if (admission instanceof Admission.Rejected rejected) {
            throw rateLimited(rejected, headers, key, model, requestId);
        }
        if (tokens.prefixHash() != null) {
            key.promptCache().remember(tokens.prefixHash(), tokens.cacheTtl(), now);
        }
        long output = Math.min(maxTokens, REPLY_TOKENS);
        UsageCounts served = new UsageCounts(1, tokens.uncached(), tokens.cacheWrite5m(), tokens.cacheWrite1h(),
                tokens.cacheRead(), output);
        ledger.record(key.id(), model.servedName(), now, served);
        return ok(message(model, served, maxTokens < REPLY_TOKENS), key, requestId).withHeaders(headers);
    }

    /** POST /v1/messages/count_tokens: free, with its own request limit, so its headers say nothing of Messages. */
    SimResponse countTokens(SimRequest request) {
        String requestId = AnthropicErrors.newRequestId();
        SimulatedKey key = auth.apiKey(request, requestId);
        applyFault(key, requestId, false);
        JsonNode body = jsonBody(request, requestId);
        ModelInfo model = model(body, key, requestId);
        requireMessages(body, requestId);
        Instant now = clock.instant();
        long tokens = AnthropicPrompt.parse(body).tokens(model, key.promptCache(), now).total();
        BucketGroup limits = key.countTokensLimits().orElseThrow();
        Admission admission = limits.admit(Charge.requestOnly(), now);
        Map<String, String> headers = AnthropicRateLimitHeaders.of(admission.states());
        if (admission instanceof Admission.Rejected rejected) {
            throw rateLimited(rejected, headers, key, model, requestId);
        }
        return ok(Json.object().put("input_tokens", tokens), key, requestId).withHeaders(headers);
    }

    private void applyFault(SimulatedKey key, String requestId, boolean generation) {
        Fault fault = key.fault();
        switch (fault.type()) {
            case SLOW -> fault.holdTheAnswer();
            case SERVER_ERROR, OVERLOADED -> throw AnthropicErrors.fail(529, "overloaded_error", "Overloaded", requestId);
            case SPEND_CAP -> {
                if (generation) {
                    throw new ResponseException(AnthropicErrors.spendCap(requestId, clock.instant()));
                }
            }
            case INSUFFICIENT_QUOTA -> {
                if (generation) {
                    throw AnthropicErrors.invalidRequest("Your credit balance is too low to access the Anthropic API. "
                            + "Please go to Plans & Billing to upgrade or purchase credits.", requestId);
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
        String what = switch (rejected.window()) {
            case INPUT_TOKENS_PER_MINUTE -> "input tokens per minute";
            case OUTPUT_TOKENS_PER_MINUTE -> "output tokens per minute";
            default -> "requests per minute";
        };
        String message = String.format(Locale.ROOT, "This request would exceed your organization's rate limit of %s %s "
                        + "(org: %s, model: %s).", String.format(Locale.US, "%,d", exceeded.limit()), what,
                key.spec().organizationId(), model.id()) + RATE_LIMIT_ADVICE;
        long retryAfter = Math.max(1, (rejected.retryAfter().toMillis() + 999) / 1000);
        SimResponse response = AnthropicErrors.error(429, "rate_limit_error", message, requestId)
                .withHeader("anthropic-organization-id", key.spec().organizationId())
                .withHeaders(headers)
                .withHeader("retry-after", Long.toString(retryAfter));
        return new ResponseException(response);
    }

    private static ObjectNode message(ModelInfo model, UsageCounts served, boolean cutShort) {
        ObjectNode message = Json.object();
        message.put("id", "msg_01" + Ids.base62(22));
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model.servedName());
        message.putArray("content").addObject()
                .put("type", "text")
                .put("text", TokenEstimate.replyText(served.outputTokens()));
        message.put("stop_reason", cutShort ? "max_tokens" : "end_turn");
        message.putNull("stop_sequence");
        ObjectNode usage = message.putObject("usage");
        usage.put("input_tokens", served.uncachedInputTokens());
        usage.put("cache_creation_input_tokens", served.cacheWriteTokens());
        usage.put("cache_read_input_tokens", served.cacheReadTokens());
        usage.putObject("cache_creation")
                .put("ephemeral_5m_input_tokens", served.cacheWrite5mTokens())
                .put("ephemeral_1h_input_tokens", served.cacheWrite1hTokens());
        usage.put("output_tokens", served.outputTokens());
        usage.put("service_tier", "standard");
        return message;
    }

    private static ModelInfo model(JsonNode body, SimulatedKey key, String requestId) {
        JsonNode name = body.path("model");
        if (!name.isString()) {
            throw AnthropicErrors.invalidRequest("model: Field required", requestId);
        }
        // a model the key has no limits for is as good as unknown to it
        return ModelCatalog.lookup(Provider.ANTHROPIC, name.stringValue())
                .filter(model -> key.limitsFor(model.modelClass()).isPresent())
                .orElseThrow(() -> AnthropicErrors.notFound("model: " + name.stringValue(), requestId));
    }

    private static void requireMessages(JsonNode body, String requestId) {
        if (!body.path("messages").isArray()) {
            throw AnthropicErrors.invalidRequest("messages: Field required", requestId);
        }
    }

    private static JsonNode jsonBody(SimRequest request, String requestId) {
        try {
            JsonNode body = Json.parse(request.body());
            if (body == null || !body.isObject()) {
                throw AnthropicErrors.invalidRequest("The request body is not a JSON object", requestId);
            }
            return body;
        } catch (JacksonException e) {
            throw AnthropicErrors.invalidRequest("The request body is not valid JSON: " + e.getOriginalMessage(), requestId);
        }
    }

    private static SimResponse ok(ObjectNode body, SimulatedKey key, String requestId) {
        return SimResponse.json(200, body)
                .withHeader("request-id", requestId)
                .withHeader("anthropic-organization-id", key.spec().organizationId());
    }

    private static int indexOf(List<ModelInfo> models, String id) {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).id().equals(id)) {
                return i;
            }
        }
        return models.size();
    }

    private static void putIdOrNull(ObjectNode body, String field, String id) {
        if (id == null) {
            body.putNull(field);
        } else {
            body.put(field, id);
        }
    }
}
