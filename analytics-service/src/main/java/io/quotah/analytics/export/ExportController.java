package io.quotah.analytics.export;

import io.quotah.analytics.connections.ConnectionDirectory;
import io.quotah.analytics.cost.CostAnalysis;
import io.quotah.analytics.cost.CostReport.BreakdownRow;
import io.quotah.analytics.cost.GroupBy;
import io.quotah.contracts.pricing.PriceBook;
import io.quotah.analytics.usage.UsageFilter;
import io.quotah.analytics.usage.UsageItem;
import io.quotah.analytics.usage.UsageReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The caller's usage as CSV (RFC 4180, UTF-8, a header row), with the filters of the usage list: without
 * {@code groupBy} one row per usage bucket, streamed from a database cursor; with it, the rows of the cost
 * breakdown exactly as {@code /api/multi/cost-analysis} shows them, so the dashboard exports its table. The file is
 * named after the range. Bad parameters are refused (400) before anything is written.
 */
@RestController
class ExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final List<String> USAGE_COLUMNS = List.of("bucket_start", "bucket_end", "provider", "key_id",
            "key_label", "provider_key_id", "model", "service_tier", "source", "requests", "input_tokens",
            "output_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "cache_read_tokens", "reasoning_tokens",
            "computed_cost", "reported_cost", "reported_currency", "unknown_price");
    private static final List<String> FIGURE_COLUMNS = List.of("cost", "computed_cost", "reported_cost", "requests",
            "input_tokens", "output_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "cache_read_tokens",
            "reasoning_tokens", "unknown_price", "cost_differs");

    private final UsageReader usage;
    private final CostAnalysis analysis;
    private final ConnectionDirectory connections;
    private final PriceBook book;

    ExportController(UsageReader usage, CostAnalysis analysis, ConnectionDirectory connections, PriceBook book) {
        this.usage = usage;
        this.analysis = analysis;
        this.connections = connections;
        this.book = book;
    }

    @GetMapping("/api/analytics/export.csv")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String provider, @RequestParam(required = false) String model,
            @RequestParam(required = false) String keyId, @RequestParam(required = false) String groupBy) {
        UsageFilter filter = UsageFilter.parse(from, to, provider, model, keyId, Instant.now());
        List<GroupBy> grouping = GroupBy.parse(groupBy, List.of());
        String workspace = jwt.getSubject();
        String name = grouping.isEmpty() ? "quotah-usage"
                : "quotah-cost-by-" + grouping.stream().map(GroupBy::parameter).collect(Collectors.joining("-"));
        String filename = name + "_" + filter.firstDay() + "_" + filter.lastDay() + ".csv";
        StreamingResponseBody body = grouping.isEmpty()
                ? out -> usageRows(workspace, filter, out)
                : out -> breakdownRows(workspace, filter, grouping, out);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }

    private void usageRows(String workspace, UsageFilter filter, OutputStream out) throws IOException {
        Map<UUID, String> labels = connections.labels(workspace);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CsvWriter csv = new CsvWriter(writer);
        csv.record(USAGE_COLUMNS);
        usage.forEach(workspace, filter, row -> {
            UsageItem item = UsageItem.of(row, labels.get(row.connectionId()), book);
            csv.record(Arrays.asList(item.bucketStart(), item.bucketEnd(), item.provider(), item.keyId(),
                    CsvWriter.text(item.keyLabel()), CsvWriter.text(item.providerKeyId()),
                    CsvWriter.text(item.model()), CsvWriter.text(item.serviceTier()), item.source(), item.requests(),
                    item.inputTokens(), item.outputTokens(), item.cacheWrite5mTokens(), item.cacheWrite1hTokens(),
                    item.cacheReadTokens(), item.reasoningTokens(), item.computedCost(), item.reportedCost(),
                    item.reportedCurrency(), item.unknownPrice()));
        });
        writer.flush();
    }

    private void breakdownRows(String workspace, UsageFilter filter, List<GroupBy> grouping,
            OutputStream out) throws IOException {
        List<BreakdownRow> rows = analysis.breakdown(workspace, filter, grouping).rows();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CsvWriter csv = new CsvWriter(writer);
        List<String> header = new ArrayList<>();
        for (GroupBy group : grouping) {
            switch (group) {
                case PROVIDER -> header.add("provider");
                case MODEL -> header.add("model");
                case KEY -> header.addAll(List.of("key_id", "key_label"));
                case DAY -> header.add("day");
            }
        }
        header.addAll(FIGURE_COLUMNS);
        csv.record(header);
        for (BreakdownRow row : rows) {
            List<Object> fields = new ArrayList<>();
            for (GroupBy group : grouping) {
                switch (group) {
                    case PROVIDER -> fields.add(row.provider());
                    case MODEL -> fields.add(CsvWriter.text(row.model()));
                    case KEY -> {
                        fields.add(row.keyId());
                        fields.add(CsvWriter.text(row.keyLabel()));
                    }
                    case DAY -> fields.add(row.day());
                }
            }
            fields.addAll(Arrays.asList(row.cost(), row.computedCost(), row.reportedCost(), row.requests(),
                    row.inputTokens(), row.outputTokens(), row.cacheWrite5mTokens(), row.cacheWrite1hTokens(),
                    row.cacheReadTokens(), row.reasoningTokens(), row.unknownPrice(), row.costDiffers()));
            csv.record(fields);
        }
        writer.flush();
    }
}
