package io.quotah.poller.provider.openai;

import io.quotah.contracts.events.Provider;
import io.quotah.poller.provider.AdminReports;
import io.quotah.poller.provider.CallOutcome;
import io.quotah.poller.provider.ConfiguredLimits;
import io.quotah.poller.provider.LimitReading;
import io.quotah.poller.provider.ProviderAdapter;
import io.quotah.poller.provider.ProviderHttp;
import io.quotah.poller.provider.ResponseHeaders;
import io.quotah.poller.provider.UsageReading;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** OpenAI: the Models and Chat Completions APIs with a customer's key, and the Admin API's usage and cost. */
@Component
public class OpenAiAdapter implements ProviderAdapter {

    /** Out of money or quota: documented as not retryable. */
    private static final Set<String> QUOTA_CODES = Set.of("insufficient_quota", "credit_balance_exhausted",
            "organization_spend_limit_exceeded", "project_spend_limit_exceeded", "organization_usage_limit_exceeded");

    private final ProviderHttp http;
    private final String baseUrl;
    private final String probeModel;

    public OpenAiAdapter(ProviderHttp http, OpenAiSettings settings) {
        this.http = http;
        this.baseUrl = settings.baseUrl();
        this.probeModel = settings.probeModel();
    }

    @Override
    public Provider provider() {
        return Provider.OPENAI;
    }

    @Override
    public Optional<String> keyFormatProblem(String apiKey) {
        return OpenAiKeys.keyFormatProblem(apiKey);
    }

    @Override
    public Optional<String> adminKeyFormatProblem(String adminKey) {
        return OpenAiKeys.adminKeyFormatProblem(adminKey);
    }

    @Override
    public CallOutcome validate(String apiKey) {
        return call(authorized(http.request(baseUrl + "/v1/models"), apiKey).GET().build(), null);
    }

    @Override
    public CallOutcome probe(String apiKey) {
        // max_completion_tokens, not max_tokens: the cheapest models are reasoning models, which refuse the latter
        String body = ProviderHttp.body(Map.of("model", probeModel, "max_completion_tokens", 1,
                "messages", List.of(Map.of("role", "user", "content", "."))));
        return call(authorized(http.request(baseUrl + "/v1/chat/completions"), apiKey)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), probeModel);
    }

    @Override
    public LimitReading readLimits(ResponseHeaders headers, Instant receivedAt) {
        return OpenAiHeaders.read(headers, receivedAt);
    }

    @Override
    public Optional<UsageReading> readUsage(String responseBody) {
        JsonNode body = ProviderHttp.json(responseBody);
        JsonNode usage = body.path("usage");
        if (!usage.isObject()) {
            return Optional.empty();
        }
        // Chat Completions says prompt/completion, the Responses API input/output; both count cached tokens
        // inside the input total.
        boolean chat = usage.has("prompt_tokens");
        long input = ProviderHttp.count(usage.path(chat ? "prompt_tokens" : "input_tokens"));
        long cached = ProviderHttp.count(usage.path(chat ? "prompt_tokens_details" : "input_tokens_details")
                .path("cached_tokens"));
        JsonNode reasoning = usage.path(chat ? "completion_tokens_details" : "output_tokens_details")
                .path("reasoning_tokens");
        return Optional.of(new UsageReading(body.path("model").asString(null), Math.max(0, input - cached),
                ProviderHttp.count(usage.path(chat ? "completion_tokens" : "output_tokens")), 0, 0, cached,
                reasoning.canConvertToLong() ? ProviderHttp.count(reasoning) : null,
                body.path("service_tier").asString(null)));
    }

    @Override
    public List<ConfiguredLimits> configuredLimits(String adminKey) {
        // Configured limits are per project and need its id; live headers carry the same limits.
        return List.of();
    }

    @Override
    public AdminReports.Page<AdminReports.UsageLine> usageReport(String adminKey, Instant from, Instant to,
            String bucketWidth, String page) {
        String url = baseUrl + "/v1/organization/usage/completions?start_time=" + from.getEpochSecond()
                + "&end_time=" + to.getEpochSecond() + "&bucket_width=" + bucketWidth
                + "&group_by=model&group_by=api_key_id&group_by=batch" + ProviderHttp.pageParameter(page);
        JsonNode body = http.admin(authorized(http.request(url), adminKey).GET().build());
        List<AdminReports.UsageLine> lines = new java.util.ArrayList<>();
        for (JsonNode bucket : body.path("data")) {
            Instant start = Instant.ofEpochSecond(bucket.path("start_time").asLong());
            Instant end = Instant.ofEpochSecond(bucket.path("end_time").asLong());
            for (JsonNode result : bucket.path("results")) {
                // input_tokens counts the cached ones too: take them out, they are priced apart
                long input = ProviderHttp.count(result.path("input_tokens"));
                long cached = ProviderHttp.count(result.path("input_cached_tokens"));
                String tier = result.path("batch").asBoolean(false) ? "batch"
                        : result.path("service_tier").asString(null);
                lines.add(new AdminReports.UsageLine(start, end, result.path("api_key_id").asString(null),
                        result.path("model").asString("unknown"), tier,
                        ProviderHttp.count(result.path("num_model_requests")), Math.max(0, input - cached), 0, 0,
                        cached, ProviderHttp.count(result.path("output_tokens"))));
            }
        }
        return new AdminReports.Page<>(lines, ProviderHttp.nextPage(body));
    }

    @Override
    public AdminReports.Page<AdminReports.CostLine> costReport(String adminKey, Instant from, Instant to,
            String page) {
        String url = baseUrl + "/v1/organization/costs?start_time=" + from.getEpochSecond() + "&end_time="
                + to.getEpochSecond() + "&bucket_width=1d&group_by=line_item" + ProviderHttp.pageParameter(page);
        JsonNode body = http.admin(authorized(http.request(url), adminKey).GET().build());
        List<AdminReports.CostLine> lines = new java.util.ArrayList<>();
        for (JsonNode bucket : body.path("data")) {
            Instant start = Instant.ofEpochSecond(bucket.path("start_time").asLong());
            Instant end = Instant.ofEpochSecond(bucket.path("end_time").asLong());
            for (JsonNode result : bucket.path("results")) {
                // line_item reads "<model>, <token kind>"
                String lineItem = result.path("line_item").asString("unknown");
                int comma = lineItem.indexOf(',');
                JsonNode amount = result.path("amount");
                lines.add(new AdminReports.CostLine(start, end, comma < 0 ? lineItem : lineItem.substring(0, comma),
                        null, amount.path("value").decimalValue(),
                        amount.path("currency").asString("usd").toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return new AdminReports.Page<>(lines, ProviderHttp.nextPage(body));
    }

    @Override
    public String mask(String key) {
        return OpenAiKeys.mask(key);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request, String key) {
        return request.header("Authorization", "Bearer " + key);
    }

    private CallOutcome call(HttpRequest request, String model) {
        ProviderHttp.Answer answer = http.send(request);
        if (answer.failure() != null) {
            return answer.failure();
        }
        HttpResponse<String> response = answer.response();
        LimitReading limits = readLimits(ResponseHeaders.ofLists(response.headers().map()), Instant.now());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new CallOutcome.Accepted(limits, model);
        }
        JsonNode error = ProviderHttp.json(response.body()).path("error");
        String message = redacted(error.path("message").asString("HTTP " + status));
        String code = error.path("code").asString("");
        if (status == 401 || status == 403) {
            return new CallOutcome.Refused(status, message);
        }
        if (QUOTA_CODES.contains(code) || QUOTA_CODES.contains(error.path("type").asString(""))) {
            return new CallOutcome.QuotaExhausted(code, message);
        }
        if (status == 429) {
            return new CallOutcome.RateLimited(limits.retryAfter(), limits, message);
        }
        return new CallOutcome.ProviderError(status, "HTTP " + status + ": " + message);
    }

    /** OpenAI's 401 message quotes part of the key ("Incorrect API key provided: sk-...abcd"): keep only the end. */
    private static String redacted(String message) {
        return message.replaceAll("sk-[A-Za-z0-9_*.-]{4,}([A-Za-z0-9]{4})", "sk-…$1");
    }
}
