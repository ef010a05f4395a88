package io.quotah.contracts.headroom;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How much of a window is used, in percent with one decimal, as every Quotah answer shows it. */
public final class UsedPercent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private UsedPercent() {
    }

    /**
     * The used share of {@code limit}, exact to one decimal (half up); null when either number is unknown. A
     * provider that reports more remaining than its limit has used nothing; a limit of 0 allows nothing, so is
     * all used.
     */
    public static BigDecimal of(Long limit, Long remaining) {
        if (limit == null || remaining == null) {
            return null;
        }
        if (limit == 0) {
            return HUNDRED.setScale(1);
        }
        long used = Math.max(0, limit - remaining);
        return BigDecimal.valueOf(used).multiply(HUNDRED).divide(BigDecimal.valueOf(limit), 1, RoundingMode.HALF_UP);
    }
}
