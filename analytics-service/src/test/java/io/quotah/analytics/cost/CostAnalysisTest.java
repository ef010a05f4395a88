package io.quotah.analytics.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.analytics.cost.CostAnalysis.Cell;
import io.quotah.analytics.cost.CostReport.BreakdownRow;
import io.quotah.analytics.cost.CostReport.Projection;
import io.quotah.analytics.cost.CostReport.TrendPoint;
import io.quotah.contracts.pricing.PriceBook;
import io.quotah.contracts.pricing.PriceBookFile;
import io.quotah.contracts.pricing.TokenCounts;
import io.quotah.analytics.usage.UsageFilter;
import io.quotah.analytics.usage.UsagePart;
import io.quotah.contracts.events.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The arithmetic of the cost analysis on usage already summed: which cost wins, grouping, rounding, projection. */
class CostAnalysisTest {

    private static final PriceBook BOOK = shippedBook();
    private static final CostAnalysis ANALYSIS = new CostAnalysis(null, null, BOOK);
    private static final LocalDate DAY = LocalDate.of(2026, 10, 5);
    private static final UsageFilter OCTOBER = UsageFilter.parse("2026-10-01", "2026-10-31", null, null, null,
            Instant.parse("2026-11-28T00:00:00Z"));
    private static final UUID KEY = UUID.randomUUID();
    private static final long MILLION = 1_000_000;

    @Test
    void the_reported_cost_wins_for_its_key_day_and_model_and_both_figures_are_shown() {
        // given Sonnet 4.5 usage under its snapshot id on two days (18.00 each), and a cost report under its alias
        // for the first day only
        List<UsagePart> parts = List.of(
                tokens(KEY, Provider.ANTHROPIC, "claude-sonnet-4-5-20250929", "standard", DAY, MILLION, MILLION),
                tokens(KEY, Provider.ANTHROPIC, "claude-sonnet-4-5-20250929", "standard", DAY.plusDays(1), MILLION,
                        MILLION),
                reported(KEY, Provider.ANTHROPIC, "claude-sonnet-4-5", DAY, "17.5"));

        CostAnalysis.Breakdown breakdown = breakdown(parts, List.of(GroupBy.MODEL));

        BreakdownRow sonnet = breakdown.rows().getFirst();
        assertThat(breakdown.rows()).hasSize(1);
        assertThat(sonnet.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(sonnet.cost()).isEqualTo("35.50");
        assertThat(sonnet.computedCost()).isEqualTo("36.00");
        assertThat(sonnet.reportedCost()).isEqualTo("17.50");
        assertThat(sonnet.costDiffers()).isTrue();
        assertThat(breakdown.total().cost()).isEqualTo("35.50");
        assertThat(breakdown.total().computedCost()).isEqualTo("36.00");
        assertThat(breakdown.trend()).filteredOn(point -> point.day().equals(DAY)).singleElement()
                .extracting(TrendPoint::cost).isEqualTo("17.50");
    }

    @Test
    void a_reported_cost_that_agrees_with_the_computed_one_does_not_differ() {
        List<UsagePart> parts = List.of(
                tokens(KEY, Provider.OPENAI, "gpt-4o-mini-2024-07-18", "default", DAY, MILLION, 0),
                reported(KEY, Provider.OPENAI, "gpt-4o-mini-2024-07-18", DAY, "0.150001"));

        CostAnalysis.Breakdown breakdown = breakdown(parts, List.of(GroupBy.PROVIDER));

        assertThat(breakdown.total().cost()).isEqualTo("0.15");
        assertThat(breakdown.total().reportedCost()).isEqualTo("0.15");
        assertThat(breakdown.total().costDiffers()).isFalse();
    }

    @Test
    void a_model_without_a_price_is_flagged_and_left_out_of_the_costs_never_counted_as_zero() {
        List<UsagePart> parts = List.of(
                tokens(KEY, Provider.OPENAI, "gpt-4o", "default", DAY, MILLION, 0),
                tokens(KEY, Provider.OPENAI, "mystery-model", "default", DAY, 1000, 1000));

        CostAnalysis.Breakdown breakdown = breakdown(parts, List.of(GroupBy.MODEL));

        assertThat(breakdown.rows()).extracting(BreakdownRow::model).containsExactly("gpt-4o", "mystery-model");
        BreakdownRow mystery = breakdown.rows().get(1);
        assertThat(mystery.cost()).isNull();
        assertThat(mystery.computedCost()).isNull();
        assertThat(mystery.unknownPrice()).isTrue();
        assertThat(mystery.inputTokens()).isEqualTo(1000);
        assertThat(breakdown.rows().getFirst().unknownPrice()).isFalse();
        assertThat(breakdown.total().cost()).isEqualTo("2.50");
        assertThat(breakdown.total().unknownPrice()).isTrue();
    }

    @Test
    void reasoning_tokens_are_counted_but_priced_only_as_the_output_they_are_part_of() {
        UsagePart part = new UsagePart(KEY, Provider.OPENAI, "gpt-5", "", DAY, 10,
                new TokenCounts(0, 0, 0, 0, MILLION), 400_000, BigDecimal.ZERO, 0);

        CostAnalysis.Breakdown breakdown = breakdown(List.of(part), List.of(GroupBy.PROVIDER));

        assertThat(breakdown.total().cost()).isEqualTo("10.00");
        assertThat(breakdown.total().reasoningTokens()).isEqualTo(400_000);
        assertThat(breakdown.total().outputTokens()).isEqualTo(MILLION);
    }

    @Test
    void rows_are_sorted_by_cost_or_by_day_first_and_every_day_of_the_range_is_in_the_trend() {
        UUID other = UUID.randomUUID();
        List<UsagePart> parts = List.of(
                tokens(KEY, Provider.OPENAI, "gpt-4o-mini", null, DAY, MILLION, 0),
                tokens(other, Provider.OPENAI, "gpt-5", null, DAY, MILLION, 0),
                tokens(other, Provider.OPENAI, "gpt-5", null, DAY.plusDays(2), MILLION, 0));

        CostAnalysis.Breakdown byKey = breakdown(parts, List.of(GroupBy.KEY));
        CostAnalysis.Breakdown byDayAndKey = breakdown(parts, List.of(GroupBy.DAY, GroupBy.KEY));

        assertThat(byKey.rows()).extracting(BreakdownRow::keyId).containsExactly(other, KEY);
        assertThat(byKey.rows()).extracting(BreakdownRow::keyLabel).containsExactly(null, "prod");
        assertThat(byKey.rows()).extracting(BreakdownRow::day).containsOnlyNulls();
        assertThat(byDayAndKey.rows()).extracting(BreakdownRow::day).containsExactly(DAY, DAY, DAY.plusDays(2));
        assertThat(byDayAndKey.rows()).extracting(BreakdownRow::cost).containsExactly("1.25", "0.15", "1.25");
        assertThat(byKey.trend()).hasSize(31);
        assertThat(byKey.trend().getFirst().day()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(byKey.trend().get(4).cost()).isEqualTo("1.40");
        assertThat(byKey.trend().get(5).cost()).isEqualTo("0.00");
    }

    @Test
    void every_total_is_the_exact_sum_of_its_shown_parts_whatever_the_grouping() {
        Random random = new Random(7);
        List<String> models = List.of("claude-opus-4-5", "claude-sonnet-5", "claude-haiku-4-5-20251001", "gpt-5.4-nano",
                "gpt-4o-mini", "o4-mini-2025-04-16", "not-in-the-book");
        List<String> tiers = List.of("standard", "batch", "default", "flex", "");
        List<UUID> keys = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (int run = 0; run < 50; run++) {
            List<UsagePart> parts = new ArrayList<>();
            for (int index = 0; index < 60; index++) {
                String model = models.get(random.nextInt(models.size()));
                Provider provider = model.startsWith("claude") ? Provider.ANTHROPIC : Provider.OPENAI;
                String tier = tiers.get(random.nextInt(tiers.size()));
                LocalDate day = DAY.plusDays(random.nextInt(20));
                UUID key = keys.get(random.nextInt(keys.size()));
                parts.add(new UsagePart(key, provider, model, tier, day, random.nextInt(100),
                        new TokenCounts(random.nextInt(3_000_000), provider == Provider.ANTHROPIC
                                ? random.nextInt(50_000) : 0, provider == Provider.ANTHROPIC ? random.nextInt(50_000) : 0,
                                random.nextInt(900_000), random.nextInt(400_000)),
                        random.nextInt(1000), BigDecimal.ZERO, 0));
                if (random.nextInt(4) == 0) {
                    parts.add(reported(key, provider, model, day,
                            BigDecimal.valueOf(random.nextLong(0, 9_000_000_000L), 7 + random.nextInt(4)).toPlainString()));
                }
            }
            for (List<GroupBy> grouping : List.of(List.of(GroupBy.PROVIDER), List.of(GroupBy.MODEL),
                    List.of(GroupBy.KEY), List.of(GroupBy.DAY), List.of(GroupBy.MODEL, GroupBy.KEY),
                    List.of(GroupBy.DAY, GroupBy.MODEL, GroupBy.KEY, GroupBy.PROVIDER))) {

                CostAnalysis.Breakdown breakdown = breakdown(parts, grouping);

                assertThat(sum(breakdown.rows(), BreakdownRow::cost)).isEqualTo(money(breakdown.total().cost()));
                assertThat(sum(breakdown.rows(), BreakdownRow::computedCost))
                        .isEqualTo(money(breakdown.total().computedCost()));
                assertThat(sum(breakdown.rows(), BreakdownRow::reportedCost))
                        .isEqualTo(money(breakdown.total().reportedCost()));
                assertThat(sum(breakdown.trend(), TrendPoint::cost)).isEqualTo(money(breakdown.total().cost()));
                assertThat(breakdown.rows().stream().mapToLong(BreakdownRow::inputTokens).sum())
                        .isEqualTo(breakdown.total().inputTokens());
                assertThat(breakdown.rows().stream().mapToLong(BreakdownRow::requests).sum())
                        .isEqualTo(breakdown.total().requests());
            }
        }
    }

    @Test
    void the_projection_adds_the_last_7_complete_days_average_for_each_day_left() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        List<UsagePart> parts = new ArrayList<>();
        parts.add(reported(KEY, Provider.OPENAI, "gpt-5", LocalDate.of(2026, 10, 31), "100")); // another month
        for (int day = 1; day <= 20; day++) {
            parts.add(reported(KEY, Provider.OPENAI, "gpt-5", LocalDate.of(2026, 11, day), "1"));
        }
        for (int day = 21; day <= 27; day++) {
            parts.add(reported(KEY, Provider.OPENAI, "gpt-5", LocalDate.of(2026, 11, day), "2"));
        }
        parts.add(reported(KEY, Provider.OPENAI, "gpt-5", today, "0.5"));

        Projection projection = CostAnalysis.projection(days(parts), today);

        assertThat(projection.month()).isEqualTo("2026-11");
        assertThat(projection.spentSoFar()).isEqualTo("34.50");
        assertThat(projection.dailyAverage()).isEqualTo("2.00");
        assertThat(projection.daysLeft()).isEqualTo(2);
        assertThat(projection.projectedTotal()).isEqualTo("38.50");
        assertThat(projection.method()).contains("last 7 complete UTC days");
    }

    @Test
    void on_the_first_of_a_month_the_projection_extends_the_last_week_of_the_month_before() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        List<UsagePart> parts = new ArrayList<>();
        for (int day = 24; day <= 30; day++) {
            parts.add(reported(KEY, Provider.OPENAI, "gpt-5", LocalDate.of(2026, 11, day), "1"));
        }

        Projection projection = CostAnalysis.projection(days(parts), today);

        assertThat(projection.spentSoFar()).isEqualTo("0.00");
        assertThat(projection.daysLeft()).isEqualTo(30);
        assertThat(projection.projectedTotal()).isEqualTo("30.00");
    }

    private static CostAnalysis.Breakdown breakdown(List<UsagePart> parts, List<GroupBy> grouping) {
        return CostAnalysis.breakdown(ANALYSIS.cells(parts), OCTOBER, grouping, Map.of(KEY, "prod"));
    }

    private static Map<LocalDate, Tally> days(List<UsagePart> parts) {
        Map<LocalDate, Tally> days = new TreeMap<>();
        ANALYSIS.cells(parts).forEach((Cell cell, Tally tally) ->
                days.computeIfAbsent(cell.day(), day -> new Tally()).add(tally));
        return days;
    }

    private static UsagePart tokens(UUID key, Provider provider, String model, String tier, LocalDate day,
            long input, long output) {
        return new UsagePart(key, provider, model, tier == null ? "" : tier, day, 1,
                new TokenCounts(input, 0, 0, 0, output), 0, BigDecimal.ZERO, 0);
    }

    private static UsagePart reported(UUID key, Provider provider, String model, LocalDate day, String usd) {
        return new UsagePart(key, provider, model, "", day, 0, TokenCounts.NONE, 0, new BigDecimal(usd), 1);
    }

    private static <T> BigDecimal sum(List<T> rows, Function<T, String> money) {
        return rows.stream().map(money).filter(Objects::nonNull).map(BigDecimal::new)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    private static BigDecimal money(String shown) {
        return shown == null ? new BigDecimal("0.00") : new BigDecimal(shown);
    }

    private static PriceBook shippedBook() {
        PriceBookFile file = PriceBookFile.shipped();
        return PriceBook.of(file.version(), file.rows());
    }
}
