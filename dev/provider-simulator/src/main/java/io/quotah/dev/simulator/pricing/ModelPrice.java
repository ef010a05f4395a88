package io.quotah.dev.simulator.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** USD per million tokens of one model, in effect from a UTC date. OpenAI has no cache-write price. */
public record ModelPrice(LocalDate effectiveFrom, BigDecimal input, BigDecimal cacheWrite5m, BigDecimal cacheWrite1h,
                         BigDecimal cacheRead, BigDecimal output) {

    public BigDecimal perMillion(TokenType type) {
        return switch (type) {
            case UNCACHED_INPUT -> input;
            case CACHE_WRITE_5M -> cacheWrite5m;
            case CACHE_WRITE_1H -> cacheWrite1h;
            case CACHE_READ -> cacheRead;
            case OUTPUT -> output;
        };
    }
}
