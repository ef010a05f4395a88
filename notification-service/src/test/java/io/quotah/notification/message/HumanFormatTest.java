package io.quotah.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.AlertRaised.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HumanFormatTest {

    @Test
    void money_reads_as_dollars_and_cents() {
        assertThat(HumanFormat.amount(new BigDecimal("412.5"), Unit.USD)).isEqualTo("$412.50");
        assertThat(HumanFormat.amount(new BigDecimal("400"), Unit.USD)).isEqualTo("$400.00");
        assertThat(HumanFormat.amount(new BigDecimal("0.0042"), Unit.USD)).isEqualTo("$0.0042");
        assertThat(HumanFormat.amount(new BigDecimal("1E+3"), Unit.USD)).isEqualTo("$1000.00");
    }

    @Test
    void percents_read_with_one_decimal_at_most_and_a_space_before_the_sign() {
        assertThat(HumanFormat.amount(new BigDecimal("85.30"), Unit.PERCENT)).isEqualTo("85.3 %");
        assertThat(HumanFormat.amount(new BigDecimal("85.349"), Unit.PERCENT)).isEqualTo("85.3 %");
        assertThat(HumanFormat.amount(new BigDecimal("100"), Unit.PERCENT)).isEqualTo("100 %");
    }

    @Test
    void seconds_and_ratios_read_as_durations_and_multiples() {
        assertThat(HumanFormat.amount(new BigDecimal("45"), Unit.SECONDS)).isEqualTo("45 s");
        assertThat(HumanFormat.amount(new BigDecimal("754"), Unit.SECONDS)).isEqualTo("12 min 34 s");
        assertThat(HumanFormat.amount(new BigDecimal("7500"), Unit.SECONDS)).isEqualTo("2 h 5 min");
        assertThat(HumanFormat.amount(new BigDecimal("3.20"), Unit.RATIO)).isEqualTo("3.2×");
    }

    @Test
    void instants_read_in_utc_and_window_kinds_as_words() {
        assertThat(HumanFormat.instant(Instant.parse("2026-12-01T14:05:59Z"))).isEqualTo("2026-12-01 14:05 UTC");
        assertThat(HumanFormat.window("INPUT_TOKENS")).isEqualTo("Input tokens");
        assertThat(HumanFormat.window("2026-12")).isEqualTo("2026-12");
    }
}
