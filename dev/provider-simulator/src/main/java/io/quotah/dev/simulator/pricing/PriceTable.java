package io.quotah.dev.simulator.pricing;

import io.quotah.dev.simulator.usage.UsageCounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The list prices of PROVIDERS.md (Anthropic as verified 2026-08-07, OpenAI 2026-10), keyed by catalog model
 * id. The simulator's cost reports are this table applied to the usage it served, minute by minute, so a
 * test can recompute every amount exactly.
 */
public final class PriceTable {

    /** Stands for "since before anything the simulator serves". */
    private static final LocalDate ALWAYS = LocalDate.of(2024, 1, 1);

    private static final Map<String, List<ModelPrice>> PRICES = new LinkedHashMap<>();

    static {
        ModelPrice opus45 = anthropic(ALWAYS, "5", "6.25", "10", "0.50", "25");
        anthropicModel("claude-opus-4-5-20251101", opus45);
        anthropicModel("claude-opus-4-6", opus45);
        anthropicModel("claude-opus-5", opus45);
        anthropicModel("claude-opus-4-1-20250805", anthropic(ALWAYS, "15", "18.75", "30", "1.50", "75"));
        ModelPrice sonnet = anthropic(ALWAYS, "3", "3.75", "6", "0.30", "15");
        anthropicModel("claude-sonnet-4-5-20250929", sonnet);
        anthropicModel("claude-sonnet-4-6", sonnet);
        // Sonnet 5 was introduced at a lower price that ended on 2026-08-31
        anthropicModel("claude-sonnet-5", anthropic(ALWAYS, "2", "2.50", "4", "0.20", "10"),
                anthropic(LocalDate.of(2026, 9, 1), "3", "3.75", "6", "0.30", "15"));
        anthropicModel("claude-haiku-4-5-20251001", anthropic(ALWAYS, "1", "1.25", "2", "0.10", "5"));

        openAi("gpt-5.5", "5.00", "0.50", "30.00");
        openAi("gpt-5.4", "2.50", "0.25", "15.00");
        openAi("gpt-5.4-mini", "0.75", "0.075", "4.50");
        openAi("gpt-5.4-nano", "0.20", "0.02", "1.25");
        openAi("gpt-5", "1.25", "0.125", "10");
        openAi("gpt-5-mini", "0.25", "0.025", "2");
        openAi("gpt-5-nano", "0.05", "0.005", "0.40");
        openAi("gpt-4.1", "2", "0.50", "8");
        openAi("gpt-4o", "2.50", "1.25", "10");
        openAi("gpt-4o-mini", "0.15", "0.075", "0.60");
        openAi("o3", "2", "0.50", "8");
        openAi("o4-mini", "1.10", "0.275", "4.40");
    }

    private PriceTable() {
    }

    /** The price of a catalog model in effect at an instant (UTC date). */
    public static ModelPrice priceAt(String modelId, Instant at) {
        List<ModelPrice> prices = PRICES.get(modelId);
        if (prices == null) {
            throw new NoSuchElementException("no price for model " + modelId);
        }
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return prices.stream()
                .filter(price -> !price.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(ModelPrice::effectiveFrom))
                .orElse(prices.getFirst());
    }

    /** USD per token type for tokens served at {@code at}; types without tokens are left out. */
    public static Map<TokenType, BigDecimal> costUsd(String modelId, Instant at, UsageCounts counts) {
        ModelPrice price = priceAt(modelId, at);
        Map<TokenType, BigDecimal> costs = new EnumMap<>(TokenType.class);
        for (TokenType type : TokenType.values()) {
            long tokens = type.tokensIn(counts);
            if (tokens != 0) {
                costs.put(type, price.perMillion(type).multiply(BigDecimal.valueOf(tokens)).movePointLeft(6));
            }
        }
        return costs;
    }

    private static ModelPrice anthropic(LocalDate from, String input, String write5m, String write1h, String read,
                                        String output) {
        return new ModelPrice(from, new BigDecimal(input), new BigDecimal(write5m), new BigDecimal(write1h),
                new BigDecimal(read), new BigDecimal(output));
    }

    private static void anthropicModel(String modelId, ModelPrice... prices) {
        PRICES.put(modelId, List.of(prices));
    }

    private static void openAi(String modelId, String input, String cached, String output) {
        // OpenAI bills the first sight of a prompt as ordinary input: a "cache write" costs the input price
        BigDecimal in = new BigDecimal(input);
        PRICES.put(modelId, List.of(new ModelPrice(ALWAYS, in, in, in, new BigDecimal(cached), new BigDecimal(output))));
    }
}
