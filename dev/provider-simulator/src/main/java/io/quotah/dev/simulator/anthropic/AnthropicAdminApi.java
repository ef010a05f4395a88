package io.quotah.dev.simulator.anthropic;

import io.quotah.dev.simulator.http.Json;
import io.quotah.dev.simulator.http.SimRequest;
import io.quotah.dev.simulator.http.SimResponse;
import io.quotah.dev.simulator.keys.KeyRegistry;
import io.quotah.dev.simulator.keys.SimulatedKey;
import io.quotah.dev.simulator.pricing.PriceTable;
import io.quotah.dev.simulator.pricing.TokenType;
import io.quotah.dev.simulator.scenario.ModelCatalog;
import io.quotah.dev.simulator.scenario.ModelInfo;
import io.quotah.dev.simulator.scenario.ModelLimits;
import io.quotah.dev.simulator.scenario.Provider;
import io.quotah.dev.simulator.usage.BucketWidth;
import io.quotah.dev.simulator.usage.ReportPage;
import io.quotah.dev.simulator.usage.UsageCounts;
import io.quotah.dev.simulator.usage.UsageEntry;
import io.quotah.dev.simulator.usage.UsageLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Admin API for an organization (the keys sharing one Admin key): the usage report, the cost
 * report and the configured rate limits. Reports are computed from the ledger of what was served.
 */
final class AnthropicAdminApi {

    private static final String CONTEXT_WINDOW = "0-200k";
    private static final String SERVICE_TIER = "standard";

    /** A usage result's grouping; fields not grouped by are null, as in the real report. */
    private record UsageGroup(String apiKeyId, String workspaceId, String model, String serviceTier,
                              String contextWindow) {
    }

    /** A cost result's grouping. */
    private record CostGroup(String workspaceId, String model, TokenType tokenType) {
    }

    private final Clock clock;
    private final UsageLedger ledger;
    private final AnthropicAuth auth;

    AnthropicAdminApi(Clock clock, KeyRegistry keys, UsageLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
        this.auth = new AnthropicAuth(keys);
    }

    /** GET /v1/organizations/usage_report/messages. */
    SimResponse usageReport(SimRequest request) {
        String requestId = AnthropicErrors.newRequestId();
        Map<String, SimulatedKey> organization = organization(request, requestId);
        AnthropicQuery query = new AnthropicQuery(request, requestId);
        BucketWidth width = query.bucketWidth(BucketWidth.DAY, EnumSet.allOf(BucketWidth.class));
        ReportPage page = page(query, width, width.defaultLimit(), width.maxLimit(), requestId);
        List<String> groupBy = query.list("group_by",
                Set.of("api_key_id", "workspace_id", "model", "service_tier", "context_window"));
        List<String> models = query.list("models", null);
        List<String> apiKeyIds = query.list("api_key_ids", null);
        List<UsageEntry> entries = visible(organization, models, apiKeyIds);

        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        for (Instant start : page.bucketStarts()) {
            Instant end = start.plus(width.duration());
            ObjectNode bucket = data.addObject();
            bucket.put("starting_at", AnthropicRateLimitHeaders.rfc3339(start));
            bucket.put("ending_at", AnthropicRateLimitHeaders.rfc3339(end));
            ArrayNode results = bucket.putArray("results");
            Map<UsageGroup, UsageCounts> groups = entries.stream()
                    .filter(entry -> entry.within(start, end))
                    .collect(Collectors.groupingBy(entry -> usageGroup(entry, organization, groupBy),
                            LinkedHashMap::new,
                            Collectors.reducing(UsageCounts.ZERO, UsageEntry::counts, UsageCounts::plus)));
            groups.forEach((group, counts) -> usageResult(results.addObject(), group, counts));
        }
        return paged(body, page, requestId);
    }

    /** GET /v1/organizations/cost_report: amounts in cents as decimal strings, daily buckets only. */
    SimResponse costReport(SimRequest request) {
        String requestId = AnthropicErrors.newRequestId();
        Map<String, SimulatedKey> organization = organization(request, requestId);
        AnthropicQuery query = new AnthropicQuery(request, requestId);
        BucketWidth width = query.bucketWidth(BucketWidth.DAY, EnumSet.of(BucketWidth.DAY));
        ReportPage page = page(query, width, 7, 31, requestId);
        List<String> groupBy = query.list("group_by", Set.of("workspace_id", "description"));
        boolean byDescription = groupBy.contains("description");
        boolean byWorkspace = groupBy.contains("workspace_id");
        List<UsageEntry> entries = visible(organization, List.of(), List.of());

        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        for (Instant start : page.bucketStarts()) {
            Instant end = start.plus(width.duration());
            ObjectNode bucket = data.addObject();
            bucket.put("starting_at", AnthropicRateLimitHeaders.rfc3339(start));
            bucket.put("ending_at", AnthropicRateLimitHeaders.rfc3339(end));
            Map<CostGroup, BigDecimal> costs = new LinkedHashMap<>();
            for (UsageEntry entry : entries) {
                if (!entry.within(start, end)) {
                    continue;
                }
                String workspace = byWorkspace ? organization.get(entry.keyId()).spec().workspaceId() : null;
                ModelInfo model = ModelCatalog.lookup(Provider.ANTHROPIC, entry.model()).orElseThrow();
                // each minute is priced at the price in effect then, so a price change mid-day is honoured
                PriceTable.costUsd(model.id(), entry.minute(), entry.counts()).forEach((type, usd) -> costs.merge(
                        byDescription ? new CostGroup(workspace, model.servedName(), type)
                                : new CostGroup(workspace, null, null),
                        usd, BigDecimal::add));
            }
            ArrayNode results = bucket.putArray("results");
            costs.forEach((group, usd) -> costResult(results.addObject(), group, usd, byWorkspace));
        }
        return paged(body, page, requestId);
    }

    /** GET /v1/organizations/rate_limits: the configured limits per model group (the first key's, per class). */
    SimResponse rateLimits(SimRequest request) {
        String requestId = AnthropicErrors.newRequestId();
        Map<String, SimulatedKey> organization = organization(request, requestId);
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        for (String modelClass : ModelCatalog.classes(Provider.ANTHROPIC)) {
            organization.values().stream()
                    .map(key -> key.spec().limits().get(modelClass))
                    .filter(limits -> limits != null)
                    .findFirst()
                    .ifPresent(limits -> rateLimitGroup(data.addObject(), modelClass, limits));
        }
        body.putNull("next_page");
        return SimResponse.json(200, body).withHeader("request-id", requestId);
    }

    private Map<String, SimulatedKey> organization(SimRequest request, String requestId) {
        return auth.adminKey(request, requestId).stream()
                .collect(Collectors.toMap(SimulatedKey::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private List<UsageEntry> visible(Map<String, SimulatedKey> organization, List<String> models,
                                     List<String> apiKeyIds) {
        // a filter may name a model by alias; the ledger knows it by the name responses carry
        Set<String> servedNames = models.stream()
                .map(name -> ModelCatalog.lookup(Provider.ANTHROPIC, name).map(ModelInfo::servedName).orElse(name))
                .collect(Collectors.toSet());
        return ledger.visibleAt(clock.instant()).stream()
                .filter(entry -> organization.containsKey(entry.keyId()))
                .filter(entry -> servedNames.isEmpty() || servedNames.contains(entry.model()))
                .filter(entry -> apiKeyIds.isEmpty() || apiKeyIds.contains(entry.keyId()))
                .toList();
    }

    private ReportPage page(AnthropicQuery query, BucketWidth width, int defaultLimit, int maxLimit,
                            String requestId) {
        Instant start = query.requiredInstant("starting_at");
        // without ending_at the report runs up to the bucket holding now
        Instant end = query.instant("ending_at").orElseGet(() -> width.alignUp(clock.instant()));
        if (!end.isAfter(start)) {
            throw AnthropicErrors.invalidRequest("ending_at: must be after starting_at", requestId);
        }
        int limit = query.integer("limit", defaultLimit, 1, maxLimit);
        try {
            return ReportPage.of(start, end, width, limit, query.text("page").orElse(null));
        } catch (IllegalArgumentException e) {
            throw AnthropicErrors.invalidRequest("page: " + e.getMessage(), requestId);
        }
    }

    private static UsageGroup usageGroup(UsageEntry entry, Map<String, SimulatedKey> organization,
                                         List<String> groupBy) {
        return new UsageGroup(
                groupBy.contains("api_key_id") ? entry.keyId() : null,
                groupBy.contains("workspace_id") ? organization.get(entry.keyId()).spec().workspaceId() : null,
                groupBy.contains("model") ? entry.model() : null,
                groupBy.contains("service_tier") ? SERVICE_TIER : null,
                groupBy.contains("context_window") ? CONTEXT_WINDOW : null);
    }

    private static void usageResult(ObjectNode result, UsageGroup group, UsageCounts counts) {
        result.put("uncached_input_tokens", counts.uncachedInputTokens());
        result.putObject("cache_creation")
                .put("ephemeral_1h_input_tokens", counts.cacheWrite1hTokens())
                .put("ephemeral_5m_input_tokens", counts.cacheWrite5mTokens());
        result.put("cache_read_input_tokens", counts.cacheReadTokens());
        result.put("output_tokens", counts.outputTokens());
        result.putObject("server_tool_use").put("web_search_requests", 0);
        result.put("api_key_id", group.apiKeyId());
        result.put("workspace_id", group.workspaceId());
        result.put("model", group.model());
        result.put("service_tier", group.serviceTier());
        result.put("context_window", group.contextWindow());
    }

    private static void costResult(ObjectNode result, CostGroup group, BigDecimal usd, boolean byWorkspace) {
        result.put("currency", "USD");
        // the lowest currency unit: "123.45" is $1.2345
        result.put("amount", cents(usd));
        result.put("workspace_id", byWorkspace ? group.workspaceId() : null);
        boolean described = group.tokenType() != null;
        result.put("description", described ? description(group) : null);
        result.put("cost_type", described ? "tokens" : null);
        result.put("context_window", described ? CONTEXT_WINDOW : null);
        result.put("model", group.model());
        result.put("service_tier", described ? SERVICE_TIER : null);
        result.put("token_type", described ? tokenType(group.tokenType()) : null);
    }

    static String cents(BigDecimal usd) {
        BigDecimal cents = usd.movePointRight(2);
        return cents.signum() == 0 ? "0" : cents.stripTrailingZeros().toPlainString();
    }

    static String tokenType(TokenType type) {
        return switch (type) {
            case UNCACHED_INPUT -> "uncached_input_tokens";
            case CACHE_WRITE_5M -> "cache_creation.ephemeral_5m_input_tokens";
            case CACHE_WRITE_1H -> "cache_creation.ephemeral_1h_input_tokens";
            case CACHE_READ -> "cache_read_input_tokens";
            case OUTPUT -> "output_tokens";
        };
    }

    private static String description(CostGroup group) {
        String model = ModelCatalog.lookup(Provider.ANTHROPIC, group.model()).map(ModelInfo::displayName)
                .orElse(group.model());
        String tokens = switch (group.tokenType()) {
            case UNCACHED_INPUT -> "Input Tokens";
            case CACHE_WRITE_5M -> "Input Tokens, Cache Write (5m)";
            case CACHE_WRITE_1H -> "Input Tokens, Cache Write (1h)";
            case CACHE_READ -> "Input Tokens, Cache Read";
            case OUTPUT -> "Output Tokens";
        };
        return model + " Usage - " + tokens;
    }

    private static void rateLimitGroup(ObjectNode group, String modelClass, ModelLimits limits) {
        group.put("id", "rl_" + modelClass);
        group.put("type", "rate_limit");
        group.put("group_type", "model_group");
        ArrayNode models = group.putArray("models");
        ModelCatalog.modelsOfClass(Provider.ANTHROPIC, modelClass).forEach(model -> models.add(model.id()));
        ArrayNode values = group.putArray("limits");
        values.addObject().put("type", "requests_per_minute").put("value", limits.requestsPerMinute());
        values.addObject().put("type", "input_tokens_per_minute").put("value", limits.inputTokensPerMinute());
        values.addObject().put("type", "output_tokens_per_minute").put("value", limits.outputTokensPerMinute());
    }

    private static SimResponse paged(ObjectNode body, ReportPage page, String requestId) {
        body.put("has_more", page.hasMore());
        body.put("next_page", page.nextPage());
        return SimResponse.json(200, body).withHeader("request-id", requestId);
    }
}
