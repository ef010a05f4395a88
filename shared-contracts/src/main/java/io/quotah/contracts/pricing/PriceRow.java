package io.quotah.contracts.pricing;

import io.quotah.contracts.events.Provider;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of the price book: a model's list prices in USD per million tokens from a UTC day on. A null price is
 * one the book does not know.
 *
 * @param aliases other names the provider reports the model by (dated snapshots)
 * @param cacheRead Anthropic cache reads, OpenAI cached input
 * @param batchDiscount share taken off every token kind in the batch tier (0.50 is half price), null if unknown
 * @param flexDiscount the same for the flex tier
 */
public record PriceRow(Provider provider, String model, List<String> aliases, LocalDate effectiveFrom,
        BigDecimal input, BigDecimal cacheWrite5m, BigDecimal cacheWrite1h, BigDecimal cacheRead, BigDecimal output,
        BigDecimal batchDiscount, BigDecimal flexDiscount) {

    public PriceRow {
        aliases = List.copyOf(aliases);
    }
}
