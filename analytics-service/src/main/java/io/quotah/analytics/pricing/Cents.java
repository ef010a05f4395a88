package io.quotah.analytics.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Money as it is shown: to the cent, as a decimal string. A total is rounded half-even from its exact value; its
 * parts are then shown so that they add up to the shown total exactly (largest remainder: each part is its exact
 * value rounded down to the cent, and the cents still missing go to the parts that lost most), so every part is
 * within a cent of its exact value and a browser never has to add floats.
 */
public final class Cents {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private Cents() {
    }

    /** A total as shown: rounded half-even to the cent. */
    public static BigDecimal round(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_EVEN);
    }

    public static String format(BigDecimal shown) {
        return shown == null ? null : shown.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Rounds and formats a figure that is shown on its own (not as a part of a total). */
    public static String rounded(BigDecimal exact) {
        return exact == null ? null : format(round(exact));
    }

    /**
     * The shown values of {@code parts} (exact; null parts stay null) whose non-null ones add up to
     * {@code shownTotal}, which must be the rounded sum of the non-null parts.
     */
    public static List<BigDecimal> apportion(List<BigDecimal> parts, BigDecimal shownTotal) {
        List<BigDecimal> shown = new ArrayList<>(parts.size());
        BigDecimal floors = BigDecimal.ZERO;
        List<Integer> order = new ArrayList<>();
        for (int index = 0; index < parts.size(); index++) {
            BigDecimal part = parts.get(index);
            if (part == null) {
                shown.add(null);
                continue;
            }
            BigDecimal floor = part.setScale(2, RoundingMode.FLOOR);
            shown.add(floor);
            floors = floors.add(floor);
            if (part.compareTo(floor) != 0) {
                order.add(index);
            }
        }
        int missing = shownTotal.subtract(floors).divide(CENT).intValueExact();
        if (missing < 0 || missing > order.size()) {
            throw new IllegalArgumentException("the shown total " + shownTotal + " is not the rounded sum of the parts");
        }
        // the parts that lost most to rounding down get the missing cents; ties go to the earlier part
        order.sort(Comparator.comparing((Integer index) -> parts.get(index).subtract(shown.get(index))).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int rank = 0; rank < missing; rank++) {
            int index = order.get(rank);
            shown.set(index, shown.get(index).add(CENT));
        }
        return shown;
    }
}
