package io.quotah.analytics.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CentsTest {

    @Test
    void a_total_is_rounded_half_even_to_the_cent() {
        assertThat(Cents.format(Cents.round(new BigDecimal("0.125")))).isEqualTo("0.12");
        assertThat(Cents.format(Cents.round(new BigDecimal("0.135")))).isEqualTo("0.14");
        assertThat(Cents.format(Cents.round(new BigDecimal("0.1250001")))).isEqualTo("0.13");
        assertThat(Cents.rounded(BigDecimal.ZERO)).isEqualTo("0.00");
        assertThat(Cents.rounded(null)).isNull();
    }

    @Test
    void parts_add_up_to_the_shown_total_where_rounding_each_would_not() {
        // given three thirds: rounded one by one they would show 0.33 + 0.33 + 0.33 = 0.99 under a total of 1.00
        List<BigDecimal> thirds = List.of(new BigDecimal("0.3333"), new BigDecimal("0.3333"), new BigDecimal("0.3334"));

        List<BigDecimal> shown = Cents.apportion(thirds, Cents.round(new BigDecimal("1.0000")));

        assertThat(shown).extracting(Cents::format).containsExactly("0.33", "0.33", "0.34");
    }

    @Test
    void unknown_parts_stay_unknown_and_exact_parts_stay_exact() {
        List<BigDecimal> shown = Cents.apportion(Arrays.asList(new BigDecimal("1.50"), null, new BigDecimal("2.005")),
                new BigDecimal("3.50"));

        assertThat(shown).extracting(Cents::format).containsExactly("1.50", null, "2.00");
    }

    @Test
    void any_parts_add_up_to_their_rounded_total_each_within_a_cent_of_its_exact_value() {
        Random random = new Random(20261128);
        for (int run = 0; run < 2000; run++) {
            List<BigDecimal> parts = new ArrayList<>();
            int count = 1 + random.nextInt(40);
            for (int index = 0; index < count; index++) {
                parts.add(random.nextInt(10) == 0 ? null
                        : BigDecimal.valueOf(random.nextLong(-2_000_000_000L, 50_000_000_000L), 8));
            }
            BigDecimal exactTotal = parts.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal shownTotal = Cents.round(exactTotal);

            List<BigDecimal> shown = Cents.apportion(parts, shownTotal);

            assertThat(shown.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(shownTotal);
            for (int index = 0; index < count; index++) {
                if (parts.get(index) == null) {
                    assertThat(shown.get(index)).isNull();
                } else {
                    assertThat(shown.get(index).subtract(parts.get(index)).abs())
                            .isLessThan(new BigDecimal("0.01"));
                    assertThat(shown.get(index).scale()).isEqualTo(2);
                }
            }
        }
    }
}
