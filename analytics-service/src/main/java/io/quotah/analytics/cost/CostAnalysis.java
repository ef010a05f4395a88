package io.quotah.analytics.cost;

import io.quotah.analytics.connections.ConnectionDirectory;
import io.quotah.analytics.cost.CostReport.BreakdownRow;
import io.quotah.analytics.cost.CostReport.Figures;
import io.quotah.analytics.cost.CostReport.Projection;
import io.quotah.analytics.cost.CostReport.TrendPoint;
import io.quotah.analytics.pricing.Cents;
import io.quotah.contracts.pricing.PriceBook;
import io.quotah.analytics.usage.UsageFilter;
import io.quotah.analytics.usage.UsagePart;
import io.quotah.analytics.usage.UsageReader;
import io.quotah.contracts.events.Provider;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Costs a workspace's usage: per key (connection), UTC day and model, the provider's reported cost where it
 * reported one, else the price book's cost of the tokens; then grouped, trended per day and projected to the end of
 * the month. Exact throughout; rounded to the cent only as shown, with every total the sum of its shown parts.
 */
@Service
public class CostAnalysis {

    static final int PROJECTION_DAYS = 7;
    static final String PROJECTION_METHOD = "month-to-date actual (the reported cost where a provider reported one, "
            + "else the computed cost) plus the average daily cost of the last " + PROJECTION_DAYS
            + " complete UTC days times the days left in the month after today";

    private final UsageReader usage;
    private final ConnectionDirectory connections;
    private final PriceBook book;

    CostAnalysis(UsageReader usage, ConnectionDirectory connections, PriceBook book) {
        this.usage = usage;
        this.connections = connections;
        this.book = book;
    }

    /** The whole analysis: totals, breakdown, daily trend and this month's projection. */
    public CostReport analyse(String workspaceId, UsageFilter filter, List<GroupBy> groupBy, Instant now) {
        Breakdown breakdown = breakdown(workspaceId, filter, groupBy);
        return new CostReport(filter.from(), filter.to(), "USD", groupBy, breakdown.total(), breakdown.rows(),
                breakdown.trend(), projection(workspaceId, filter, now));
    }

    /** The totals, the rows grouped as asked (sorted by cost, or by day first) and the cost of every day. */
    public Breakdown breakdown(String workspaceId, UsageFilter filter, List<GroupBy> groupBy) {
        Map<Cell, Tally> cells = cells(usage.parts(workspaceId, filter));
        Map<UUID, String> labels = groupBy.contains(GroupBy.KEY) ? connections.labels(workspaceId) : Map.of();
        return breakdown(cells, filter, groupBy, labels);
    }

    /** The arithmetic of {@link #breakdown(String, UsageFilter, List)}, on cells already costed. */
    static Breakdown breakdown(Map<Cell, Tally> cells, UsageFilter filter, List<GroupBy> groupBy,
            Map<UUID, String> labels) {
        Tally total = new Tally();
        Map<Group, Tally> groups = new LinkedHashMap<>();
        Map<LocalDate, Tally> days = new TreeMap<>();
        cells.forEach((cell, tally) -> {
            total.add(tally);
            groups.computeIfAbsent(Group.of(cell, groupBy), group -> new Tally()).add(tally);
            days.computeIfAbsent(cell.day(), day -> new Tally()).add(tally);
        });

        List<Map.Entry<Group, Tally>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(order(groupBy.contains(GroupBy.DAY)));
        List<Tally> rows = sorted.stream().map(Map.Entry::getValue).toList();
        Shown shownTotal = Shown.of(total);
        List<String> costs = apportion(rows, Tally::cost, shownTotal.cost());
        List<String> computed = apportion(rows, Tally::computed, shownTotal.computed());
        List<String> reported = apportion(rows, Tally::reported, shownTotal.reported());
        List<BreakdownRow> breakdown = new ArrayList<>(rows.size());
        for (int index = 0; index < rows.size(); index++) {
            Group group = sorted.get(index).getKey();
            Tally row = rows.get(index);
            breakdown.add(new BreakdownRow(group.provider(), group.model(), group.keyId(),
                    group.keyId() == null ? null : labels.get(group.keyId()), group.day(), costs.get(index),
                    computed.get(index), reported.get(index), row.requests(), row.tokens().input(),
                    row.tokens().output(), row.tokens().cacheWrite5m(), row.tokens().cacheWrite1h(),
                    row.tokens().cacheRead(), row.reasoningTokens(), row.unknownPrice(), differs(row)));
        }

        List<LocalDate> range = new ArrayList<>();
        if (filter.to().isAfter(filter.from())) {
            for (LocalDate day = filter.firstDay(); !day.isAfter(filter.lastDay()); day = day.plusDays(1)) {
                range.add(day);
            }
        }
        List<Tally> dayTallies = range.stream().map(day -> days.getOrDefault(day, new Tally())).toList();
        List<String> dayCosts = apportion(dayTallies, Tally::cost, shownTotal.cost());
        List<TrendPoint> trend = new ArrayList<>(range.size());
        for (int index = 0; index < range.size(); index++) {
            trend.add(new TrendPoint(range.get(index), dayCosts.get(index), dayTallies.get(index).unknownPrice()));
        }

        Figures figures = new Figures(Cents.format(shownTotal.cost()), Cents.format(shownTotal.computed()),
                Cents.format(shownTotal.reported()), total.requests(), total.tokens().input(), total.tokens().output(),
                total.tokens().cacheWrite5m(), total.tokens().cacheWrite1h(), total.tokens().cacheRead(),
                total.reasoningTokens(), total.unknownPrice(), differs(total));
        return new Breakdown(figures, breakdown, trend);
    }

    /** The month of {@code now} (UTC): spent so far, and projected by {@link #PROJECTION_METHOD}. */
    Projection projection(String workspaceId, UsageFilter filter, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        YearMonth month = YearMonth.from(today);
        LocalDate weekStart = today.minusDays(PROJECTION_DAYS);
        LocalDate start = month.atDay(1).isBefore(weekStart) ? month.atDay(1) : weekStart;
        UsageFilter window = filter.over(start.atStartOfDay(ZoneOffset.UTC).toInstant(), now);
        Map<LocalDate, Tally> days = new TreeMap<>();
        cells(usage.parts(workspaceId, window)).forEach((cell, tally) ->
                days.computeIfAbsent(cell.day(), day -> new Tally()).add(tally));
        return projection(days, today);
    }

    static Projection projection(Map<LocalDate, Tally> days, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal lastDays = BigDecimal.ZERO;
        boolean unknown = false;
        for (Map.Entry<LocalDate, Tally> entry : days.entrySet()) {
            LocalDate day = entry.getKey();
            BigDecimal cost = entry.getValue().cost();
            boolean inMonth = YearMonth.from(day).equals(month) && !day.isAfter(today);
            boolean inWeek = !day.isBefore(today.minusDays(PROJECTION_DAYS)) && day.isBefore(today);
            if (inMonth || inWeek) {
                unknown |= entry.getValue().unknownPrice();
            }
            if (cost == null) {
                continue;
            }
            if (inMonth) {
                spent = spent.add(cost);
            }
            if (inWeek) {
                lastDays = lastDays.add(cost);
            }
        }
        BigDecimal average = lastDays.divide(BigDecimal.valueOf(PROJECTION_DAYS), MathContext.DECIMAL128);
        int daysLeft = month.lengthOfMonth() - today.getDayOfMonth();
        BigDecimal projected = spent.add(average.multiply(BigDecimal.valueOf(daysLeft)));
        return new Projection(month.toString(), Cents.rounded(spent), Cents.rounded(average),
                Cents.rounded(projected), PROJECTION_METHOD, daysLeft, unknown);
    }

    /** Costs usage parts into cells: one per key, UTC day and model (by the book's name for it). */
    Map<Cell, Tally> cells(List<UsagePart> parts) {
        Map<Cell, Tally> cells = new LinkedHashMap<>();
        for (UsagePart part : parts) {
            Cell cell = new Cell(part.connectionId(), part.provider(), book.canonicalModel(part.provider(),
                    part.model()), part.day());
            cells.computeIfAbsent(cell, key -> new Tally()).add(part,
                    book.price(part.provider(), part.model(), part.serviceTier(), part.day(), part.tokens()));
        }
        cells.values().forEach(Tally::settle);
        return cells;
    }

    /** The cost differs from the computed cost as shown (to the cent), or only the reported cost is known. */
    private static boolean differs(Tally tally) {
        BigDecimal cost = tally.cost();
        BigDecimal computed = tally.computed();
        if (cost == null || tally.reported() == null) {
            return false;
        }
        return computed == null || Cents.round(cost).compareTo(Cents.round(computed)) != 0;
    }

    private static List<String> apportion(List<Tally> parts, Function<Tally, BigDecimal> figure, BigDecimal total) {
        List<BigDecimal> exact = parts.stream().map(figure).toList();
        if (total == null) {
            return exact.stream().map(value -> (String) null).toList();
        }
        return Cents.apportion(exact, total).stream().map(Cents::format).toList();
    }

    private static Comparator<Map.Entry<Group, Tally>> order(boolean byDay) {
        Comparator<Map.Entry<Group, Tally>> byCost = Comparator.comparing(
                (Map.Entry<Group, Tally> entry) -> entry.getValue().cost(),
                Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
        Comparator<Map.Entry<Group, Tally>> stable = Comparator.comparing(
                (Map.Entry<Group, Tally> entry) -> entry.getKey().sortKey());
        if (byDay) {
            return Comparator.comparing((Map.Entry<Group, Tally> entry) -> entry.getKey().day())
                    .thenComparing(byCost).thenComparing(stable);
        }
        return byCost.thenComparing(stable);
    }

    /** The totals of a range, rounded as shown. */
    private record Shown(BigDecimal cost, BigDecimal computed, BigDecimal reported) {

        static Shown of(Tally total) {
            return new Shown(round(total.cost()), round(total.computed()), round(total.reported()));
        }

        private static BigDecimal round(BigDecimal exact) {
            return exact == null ? null : Cents.round(exact);
        }
    }

    /** Where a cost is decided: one key (connection), UTC day and model (the book's name for it). */
    record Cell(UUID connectionId, Provider provider, String model, LocalDate day) {
    }

    /** A group of the breakdown: the dimensions it is not grouped by are null. */
    private record Group(Provider provider, String model, UUID keyId, LocalDate day) {

        static Group of(Cell cell, List<GroupBy> groupBy) {
            return new Group(groupBy.contains(GroupBy.PROVIDER) ? cell.provider() : null,
                    groupBy.contains(GroupBy.MODEL) ? cell.model() : null,
                    groupBy.contains(GroupBy.KEY) ? cell.connectionId() : null,
                    groupBy.contains(GroupBy.DAY) ? cell.day() : null);
        }

        String sortKey() {
            return String.join("|", String.valueOf(provider), String.valueOf(model), String.valueOf(keyId),
                    String.valueOf(day));
        }
    }

    /** The costed figures of a range without the projection: what the export of a breakdown writes. */
    public record Breakdown(Figures total, List<BreakdownRow> rows, List<TrendPoint> trend) {
    }
}
