package io.quotah.poller.provider.anthropic;

import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.poller.provider.AdminApiException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Anthropic: the Messages and Models APIs with a customer's key, and the Admin API's limits, usage and cost. */
@Component
public class AnthropicAdapter implements ProviderAdapter {

    private static final String VERSION = "2023-06-01";

    private final ProviderHttp http;
    private final String baseUrl;
    private final String probeModel;

    public AnthropicAdapter(ProviderHttp http, AnthropicSettings settings) {
        this.http = http;
        this.baseUrl = settings.baseUrl();
        this.probeModel = settings.probeModel();
    }

    @Override
    public Provider provider() {
        return Provider.ANTHROPIC;
    }

    @Override
    public Optional<String> keyFormatProblem(String apiKey) {
        return AnthropicKeys.keyFormatProblem(apiKey);
    }

    @Override
    public Optional<String> adminKeyFormatProblem(String adminKey) {
        return AnthropicKeys.adminKeyFormatProblem(adminKey);
    }

    @Override
    public CallOutcome validate(String apiKey) {
        return call(authorized(http.request(baseUrl + "/v1/models?limit=1"), apiKey).GET().build(), null);
    }

    @Override
    public CallOutcome probe(String apiKey) {
        String body = ProviderHttp.body(Map.of("model", probeModel, "max_tokens", 1,
                "messages", List.of(Map.of("role", "user", "content", "."))));
        return call(authorized(http.request(baseUrl + "/v1/messages"), apiKey)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), probeModel);
    }

    @Override
    public LimitReading readLimits(ResponseHeaders headers, Instant receivedAt) {
        return AnthropicHeaders.read(headers, receivedAt);
    }

    @Override
    public Optional<UsageReading> readUsage(String responseBody) {
        JsonNode body = ProviderHttp.json(responseBody);
        JsonNode usage = body.path("usage");
        if (!usage.isObject()) {
            return Optional.empty();
        }
        long cacheWrites = ProviderHttp.count(usage.path("cache_creation_input_tokens"));
        JsonNode split = usage.path("cache_creation");
        // Without the split every cache write is a 5-minute one, the default; with it, the split is the truth.
        long write1h = split.isObject() ? ProviderHttp.count(split.path("ephemeral_1h_input_tokens")) : 0;
        long write5m = split.isObject() ? ProviderHttp.count(split.path("ephemeral_5m_input_tokens")) : cacheWrites;
        return Optional.of(new UsageReading(body.path("model").asString(null), ProviderHttp.count(usage.path("input_tokens")),
                ProviderHttp.count(usage.path("output_tokens")), write5m, write1h, ProviderHttp.count(usage.path("cache_read_input_tokens")),
                null, usage.path("service_tier").asString(null)));
    }

    @Override
    public List<ConfiguredLimits> configuredLimits(String adminKey) {
        List<ConfiguredLimits> groups = new ArrayList<>();
        String page = null;
        do {
            String url = baseUrl + "/v1/organizations/rate_limits" + (page == null ? "" : "?page=" + page);
            ProviderHttp.Answer answer = http.send(authorized(http.request(url), adminKey).GET().build());
            if (answer.failure() != null || answer.response().statusCode() != 200) {
                throw new AdminApiException(answer.failure() != null ? answer.failure().reason()
                        : "HTTP " + answer.response().statusCode() + ": " + errorMessage(answer.response()));
            }
            JsonNode body = ProviderHttp.json(answer.response().body());
            for (JsonNode group : body.path("data")) {
                List<RateLimitWindow> windows = new ArrayList<>();
                for (JsonNode limit : group.path("limits")) {
                    WindowKind kind = switch (limit.path("type").asString("")) {
                        case "requests_per_minute" -> WindowKind.REQUESTS;
                        case "input_tokens_per_minute" -> WindowKind.INPUT_TOKENS;
                        case "output_tokens_per_minute" -> WindowKind.OUTPUT_TOKENS;
                        default -> null;
                    };
                    if (kind != null && limit.path("value").canConvertToLong() && limit.path("value").asLong() >= 0) {
                        windows.add(new RateLimitWindow(kind, limit.path("value").asLong(), null, null));
                    }
                }
                JsonNode models = group.path("models");
                String name = models.isArray() && !models.isEmpty() ? models.get(0).asString()
                        : group.path("id").asString(null);
                if (!windows.isEmpty()) {
                    groups.add(new ConfiguredLimits(name, windows));
                }
            }
            JsonNode next = body.path("next_page");
            page = next.isString() && !next.asString().isBlank() ? next.asString() : null;
        } while (page != null);
        return groups;
    }

    @Override
    public AdminReports.Page<AdminReports.UsageLine> usageReport(String adminKey, Instant from, Instant to,
            String bucketWidth, String page) {
        String url = baseUrl + "/v1/organizations/usage_report/messages?starting_at=" + from + "&ending_at=" + to
                + "&bucket_width=" + bucketWidth
                + "&group_by[]=model&group_by[]=api_key_id&group_by[]=service_tier" + ProviderHttp.pageParameter(page);
        JsonNode body = http.admin(authorized(http.request(url), adminKey).GET().build());
        List<AdminReports.UsageLine> lines = new ArrayList<>();
        for (JsonNode bucket : body.path("data")) {
            Instant start = Instant.parse(bucket.path("starting_at").asString());
            Instant end = Instant.parse(bucket.path("ending_at").asString());
            for (JsonNode result : bucket.path("results")) {
                JsonNode writes = result.path("cache_creation");
                lines.add(new AdminReports.UsageLine(start, end, result.path("api_key_id").asString(null),
                        result.path("model").asString("unknown"), result.path("service_tier").asString(null), 0,
                        ProviderHttp.count(result.path("uncached_input_tokens")), ProviderHttp.count(writes.path("ephemeral_5m_input_tokens")),
                        ProviderHttp.count(writes.path("ephemeral_1h_input_tokens")), ProviderHttp.count(result.path("cache_read_input_tokens")),
                        ProviderHttp.count(result.path("output_tokens"))));
            }
        }
        return new AdminReports.Page<>(lines, ProviderHttp.nextPage(body));
    }

    @Override
    public AdminReports.Page<AdminReports.CostLine> costReport(String adminKey, Instant from, Instant to,
            String page) {
        String url = baseUrl + "/v1/organizations/cost_report?starting_at=" + from + "&ending_at=" + to
                + "&bucket_width=1d&group_by[]=description" + ProviderHttp.pageParameter(page);
        JsonNode body = http.admin(authorized(http.request(url), adminKey).GET().build());
        List<AdminReports.CostLine> lines = new ArrayList<>();
        for (JsonNode bucket : body.path("data")) {
            Instant start = Instant.parse(bucket.path("starting_at").asString());
            Instant end = Instant.parse(bucket.path("ending_at").asString());
            for (JsonNode result : bucket.path("results")) {
                // "amount" is a decimal string in the currency's lowest unit: "123.45" USD is $1.2345
                java.math.BigDecimal amount = new java.math.BigDecimal(result.path("amount").asString("0"))
                        .movePointLeft(2);
                lines.add(new AdminReports.CostLine(start, end, result.path("model").asString("unknown"),
                        result.path("service_tier").asString(null), amount,
                        result.path("currency").asString("USD").toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return new AdminReports.Page<>(lines, ProviderHttp.nextPage(body));
    }

    @Override
    public String mask(String key) {
        return AnthropicKeys.mask(key);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request, String key) {
        return request.header("x-api-key", key).header("anthropic-version", VERSION);
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
        String message = error.path("message").asString("HTTP " + status);
        if (status == 401 || status == 403) {
            return new CallOutcome.Refused(status, message);
        }
        if (status == 429) {
            String code = error.path("details").path("error_code").asString("");
            if (code.equals("enforced_spend_limit_reached")) {
                // Same error type as a rate limit, but waiting does not help: the spend cap must be raised.
                return new CallOutcome.QuotaExhausted(code, message);
            }
            return new CallOutcome.RateLimited(limits.retryAfter(), limits, message);
        }
        return new CallOutcome.ProviderError(status, error.path("type").asString("HTTP " + status) + ": " + message);
    }

    private static String errorMessage(HttpResponse<String> response) {
        return ProviderHttp.json(response.body()).path("error").path("message").asString("no message");
    }
}
