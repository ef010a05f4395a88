package io.quotah.dev.simulator.openai;

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
 * OpenAI's Admin API for an organization (the keys sharing one Admin key): completions usage, costs, and
 * a project's configured rate limits. Reports are computed from the ledger of what was served.
 */
final class OpenAiAdminApi {

    private static final String SERVICE_TIER = "default";

    /** A usage result's grouping; fields not grouped by are null, as in the real report. */
    private record UsageGroup(String projectId, String apiKeyId, String model, Boolean batch, String serviceTier) {
    }

    /** A cost result's grouping. */
    private record CostGroup(String projectId, String lineItem) {
    }

    private final Clock clock;
    private final UsageLedger ledger;
    private final OpenAiAuth auth;

    OpenAiAdminApi(Clock clock, KeyRegistry keys, UsageLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
        this.auth = new OpenAiAuth(keys);
    }

    /** GET /v1/organization/usage/completions. */
    SimResponse completionsUsage(SimRequest request) {
        String requestId = OpenAiErrors.newRequestId();
        Map<String, SimulatedKey> organization = organization(request, requestId);
        OpenAiQuery query = new OpenAiQuery(request, requestId);
        BucketWidth width = query.bucketWidth(EnumSet.allOf(BucketWidth.class));
        ReportPage page = page(query, width, width.defaultLimit(), width.maxLimit());
        List<String> groupBy = query.list("group_by",
                Set.of("project_id", "user_id", "api_key_id", "model", "batch", "service_tier"));
        List<UsageEntry> entries = visible(organization, query);

        ObjectNode body = Json.object();
        body.put("object", "page");
        ArrayNode data = body.putArray("data");
        for (Instant start : page.bucketStarts()) {
            Instant end = start.plus(width.duration());
            ArrayNode results = bucket(data, start, end);
            Map<UsageGroup, UsageCounts> groups = entries.stream()
                    .filter(entry -> entry.within(start, end))
                    .collect(Collectors.groupingBy(entry -> usageGroup(entry, organization, groupBy),
                            LinkedHashMap::new,
                            Collectors.reducing(UsageCounts.ZERO, UsageEntry::counts, UsageCounts::plus)));
            groups.forEach((group, counts) -> usageResult(results.addObject(), group, counts));
        }
        return paged(body, page, requestId);
    }

    /** GET /v1/organization/costs: USD amounts as numbers, daily buckets only. */
    SimResponse costs(SimRequest request) {
        String requestId = OpenAiErrors.newRequestId();
        Map<String, SimulatedKey> organization = organization(request, requestId);
        OpenAiQuery query = new OpenAiQuery(request, requestId);
        BucketWidth width = query.bucketWidth(EnumSet.of(BucketWidth.DAY));
        ReportPage page = page(query, width, 7, 180);
        List<String> groupBy = query.list("group_by", Set.of("project_id", "line_item"));
        List<String> projectIds = query.list("project_ids", null);
        List<UsageEntry> entries = ledger.visibleAt(clock.instant()).stream()
                .filter(entry -> organization.containsKey(entry.keyId()))
                .filter(entry -> projectIds.isEmpty()
                        || projectIds.contains(organization.get(entry.keyId()).spec().projectId()))
                .toList();

        ObjectNode body = Json.object();
        body.put("object", "page");
        ArrayNode data = body.putArray("data");
        for (Instant start : page.bucketStarts()) {
            Instant end = start.plus(width.duration());
            ArrayNode results = bucket(data, start, end);
            Map<CostGroup, BigDecimal> costs = new LinkedHashMap<>();
            for (UsageEntry entry : entries) {
                if (!entry.within(start, end)) {
                    continue;
                }
                String project = groupBy.contains("project_id")
                        ? organization.get(entry.keyId()).spec().projectId() : null;
                ModelInfo model = ModelCatalog.lookup(Provider.OPENAI, entry.model()).orElseThrow();
                PriceTable.costUsd(model.id(), entry.minute(), entry.counts()).forEach((type, usd) -> costs.merge(
                        new CostGroup(project, groupBy.contains("line_item") ? lineItem(model, type) : null),
                        usd, BigDecimal::add));
            }
            costs.forEach((group, usd) -> {
                ObjectNode result = results.addObject();
                result.put("object", "organization.costs.result");
                result.putObject("amount").put("value", usd.stripTrailingZeros()).put("currency", "usd");
                result.put("line_item", group.lineItem());
                result.put("project_id", group.projectId());
            });
        }
        return paged(body, page, requestId);
    }

    /** GET /v1/organization/projects/{project_id}/rate_limits: the first key's limits per model, per project. */
    SimResponse projectRateLimits(SimRequest request) {
        String requestId = OpenAiErrors.newRequestId();
        String projectId = request.pathParam("project_id");
        List<SimulatedKey> project = organization(request, requestId).values().stream()
                .filter(key -> projectId.equals(key.spec().projectId()))
                .toList();
        if (project.isEmpty()) {
            throw OpenAiErrors.fail(404, "No such project: " + projectId, "invalid_request_error", null, null,
                    requestId);
        }
        ObjectNode body = Json.object();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        for (String modelClass : ModelCatalog.classes(Provider.OPENAI)) {
            project.stream()
                    .map(key -> key.spec().limits().get(modelClass))
                    .filter(limits -> limits != null)
                    .findFirst()
                    .ifPresent(limits -> rateLimit(data.addObject(), modelClass, limits));
        }
        body.put("first_id", data.isEmpty() ? null : data.get(0).get("id").stringValue());
        body.put("last_id", data.isEmpty() ? null : data.get(data.size() - 1).get("id").stringValue());
        body.put("has_more", false);
        return SimResponse.json(200, body).withHeader("x-request-id", requestId);
    }

    private Map<String, SimulatedKey> organization(SimRequest request, String requestId) {
        return auth.adminKey(request, requestId).stream()
                .collect(Collectors.toMap(SimulatedKey::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private List<UsageEntry> visible(Map<String, SimulatedKey> organization, OpenAiQuery query) {
        // a filter may name the model or its snapshot; the ledger knows it by the name responses carry
        Set<String> models = query.list("models", null).stream()
                .map(name -> ModelCatalog.lookup(Provider.OPENAI, name).map(ModelInfo::servedName).orElse(name))
                .collect(Collectors.toSet());
        List<String> apiKeyIds = query.list("api_key_ids", null);
        List<String> projectIds = query.list("project_ids", null);
        return ledger.visibleAt(clock.instant()).stream()
                .filter(entry -> organization.containsKey(entry.keyId()))
                .filter(entry -> models.isEmpty() || models.contains(entry.model()))
                .filter(entry -> apiKeyIds.isEmpty() || apiKeyIds.contains(entry.keyId()))
                .filter(entry -> projectIds.isEmpty()
                        || projectIds.contains(organization.get(entry.keyId()).spec().projectId()))
                .toList();
    }

    private ReportPage page(OpenAiQuery query, BucketWidth width, int defaultLimit, int maxLimit) {
        Instant start = query.requiredEpochSeconds("start_time");
        // without end_time the report runs up to the bucket holding now
        Instant end = query.epochSeconds("end_time").orElseGet(() -> width.alignUp(clock.instant()));
        if (!end.isAfter(start)) {
            throw query.invalid("end_time", "Invalid 'end_time': must be after 'start_time'.");
        }
        int limit = query.integer("limit", defaultLimit, 1, maxLimit);
        try {
            return ReportPage.of(start, end, width, limit, query.text("page").orElse(null));
        } catch (IllegalArgumentException e) {
            throw query.invalid("page", "Invalid 'page': " + e.getMessage());
        }
    }

    private static ArrayNode bucket(ArrayNode data, Instant start, Instant end) {
        ObjectNode bucket = data.addObject();
        bucket.put("object", "bucket");
        bucket.put("start_time", start.getEpochSecond());
        bucket.put("end_time", end.getEpochSecond());
        return bucket.putArray("results");
    }

    private static UsageGroup usageGroup(UsageEntry entry, Map<String, SimulatedKey> organization,
                                         List<String> groupBy) {
        return new UsageGroup(
                groupBy.contains("project_id") ? organization.get(entry.keyId()).spec().projectId() : null,
                groupBy.contains("api_key_id") ? entry.keyId() : null,
                groupBy.contains("model") ? entry.model() : null,
                groupBy.contains("batch") ? Boolean.FALSE : null,
                groupBy.contains("service_tier") ? SERVICE_TIER : null);
    }

    private static void usageResult(ObjectNode result, UsageGroup group, UsageCounts counts) {
        result.put("object", "organization.usage.completions.result");
        // input_tokens includes the cached ones, as OpenAI reports it
        result.put("input_tokens", counts.uncachedInputTokens() + counts.cacheReadTokens());
        result.put("output_tokens", counts.outputTokens());
        result.put("input_cached_tokens", counts.cacheReadTokens());
        result.put("input_audio_tokens", 0);
        result.put("output_audio_tokens", 0);
        result.put("num_model_requests", counts.requests());
        result.put("project_id", group.projectId());
        result.putNull("user_id");
        result.put("api_key_id", group.apiKeyId());
        result.put("model", group.model());
        result.put("batch", group.batch());
        result.put("service_tier", group.serviceTier());
    }

    static String lineItem(ModelInfo model, TokenType type) {
        String kind = switch (type) {
            case CACHE_READ -> "cached input";
            case OUTPUT -> "output";
            default -> "input";
        };
        return model.servedName() + ", " + kind;
    }

    private static void rateLimit(ObjectNode limit, String model, ModelLimits limits) {
        limit.put("object", "project.rate_limit");
        limit.put("id", "rl-" + model);
        limit.put("model", model);
        limit.put("max_requests_per_1_minute", limits.requestsPerMinute());
        limit.put("max_tokens_per_1_minute", limits.tokensPerMinute());
        if (limits.requestsPerDay() != null) {
            limit.put("max_requests_per_1_day", limits.requestsPerDay());
        }
        if (limits.batchDayMaxInputTokens() != null) {
            limit.put("batch_1_day_max_input_tokens", limits.batchDayMaxInputTokens());
        }
    }

    private static SimResponse paged(ObjectNode body, ReportPage page, String requestId) {
        body.put("has_more", page.hasMore());
        body.put("next_page", page.nextPage());
        return SimResponse.json(200, body).withHeader("x-request-id", requestId);
    }
}
