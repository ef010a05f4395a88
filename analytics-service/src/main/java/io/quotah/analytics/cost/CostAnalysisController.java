package io.quotah.analytics.cost;

import io.quotah.analytics.usage.UsageFilter;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's costs over a range: {@code from}/{@code to} are ISO dates (whole UTC days, both included) or instants
 * ({@code to} excluded), the last 30 days by default; {@code groupBy} is one or more of provider, model, key, day
 * (provider by default). {@code provider}, {@code model} and {@code keyId} narrow it down, as for the usage list.
 * Only the caller's workspace (the token's subject) is visible.
 */
@RestController
class CostAnalysisController {

    static final List<GroupBy> DEFAULT_GROUPING = List.of(GroupBy.PROVIDER);

    private final CostAnalysis analysis;

    CostAnalysisController(CostAnalysis analysis) {
        this.analysis = analysis;
    }

    @GetMapping("/api/multi/cost-analysis")
    CostReport costAnalysis(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String provider, @RequestParam(required = false) String model,
            @RequestParam(required = false) String keyId) {
        Instant now = Instant.now();
        UsageFilter filter = UsageFilter.parse(from, to, provider, model, keyId, now);
        List<GroupBy> grouping = GroupBy.parse(groupBy, DEFAULT_GROUPING);
        return analysis.analyse(jwt.getSubject(), filter, grouping, now);
    }
}
