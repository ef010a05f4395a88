package io.quotah.contracts.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UsedPercentTest {

    @Test
    void is_exact_to_one_decimal() {
        assertThat(UsedPercent.of(1000L, 301L)).isEqualTo(new BigDecimal("69.9"));
        assertThat(UsedPercent.of(1000L, 300L)).isEqualTo(new BigDecimal("70.0"));
        assertThat(UsedPercent.of(3L, 2L)).isEqualTo(new BigDecimal("33.3"));
        assertThat(UsedPercent.of(50L, 50L)).isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void is_unknown_when_either_number_is() {
        assertThat(UsedPercent.of(null, 10L)).isNull();
        assertThat(UsedPercent.of(10L, null)).isNull();
    }

    @Test
    void a_limit_of_zero_is_all_used_and_more_remaining_than_the_limit_is_none_used() {
        assertThat(UsedPercent.of(0L, 0L)).isEqualTo(new BigDecimal("100.0"));
        assertThat(UsedPercent.of(10L, 12L)).isEqualTo(new BigDecimal("0.0"));
    }
}
