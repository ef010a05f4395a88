package io.quotah.analytics.cost;

import io.quotah.contracts.events.Provider;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The cost analysis of a range, in USD. Money is a decimal string rounded to the cent: each total is its exact value
 * rounded half-even, and the breakdown rows and the trend days add up to it exactly. {@code cost} is the provider's
 * reported cost for each key, model and day it reported one for, else the computed cost; both are shown.
 *
 * @param from the first instant of the range
 * @param to the end of the range (excluded)
 */
public record CostReport(Instant from, Instant to, String currency, List<GroupBy> groupBy, Figures total,
        List<BreakdownRow> breakdown, List<TrendPoint> trend, Projection projection) {

    /**
     * The figures of the whole range.
     *
     * @param cost null when nothing of it could be priced
     * @param reportedCost null when no provider reported a cost in the range
     * @param unknownPrice some tokens could not be priced: the costs leave them out
     * @param costDiffers the cost (with the providers' reports) differs from the computed one by a cent or more
     */
    public record Figures(String cost, String computedCost, String reportedCost, long requests, long inputTokens,
            long outputTokens, long cacheWrite5mTokens, long cacheWrite1hTokens, long cacheReadTokens,
            long reasoningTokens, boolean unknownPrice, boolean costDiffers) {
    }

    /** One group of the breakdown; what it is not grouped by is null. */
    public record BreakdownRow(Provider provider, String model, UUID keyId, String keyLabel, LocalDate day,
            String cost, String computedCost, String reportedCost, long requests, long inputTokens,
            long outputTokens, long cacheWrite5mTokens, long cacheWrite1hTokens, long cacheReadTokens,
            long reasoningTokens, boolean unknownPrice, boolean costDiffers) {
    }

    /** One UTC day of the range; days without usage cost "0.00". */
    public record TrendPoint(LocalDate day, String cost, boolean unknownPrice) {
    }

    /**
     * Where this UTC month's cost is heading, by the method named in {@code method} (whatever range was asked).
     *
     * @param month YYYY-MM
     * @param dailyAverage the average daily cost the projection extends
     * @param daysLeft whole days of the month after today
     */
    public record Projection(String month, String spentSoFar, String dailyAverage, String projectedTotal,
            String method, int daysLeft, boolean unknownPrice) {
    }
}
