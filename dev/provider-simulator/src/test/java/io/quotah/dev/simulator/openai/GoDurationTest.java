package io.quotah.dev.simulator.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

    /** Expected strings are what Go's time.Duration.String() prints for the same number of nanoseconds. */
    @ParameterizedTest(name = "{0} ns -> {1}")
    @CsvSource({
            "0, 0s",
            "1, 1ns",
            "999, 999ns",
            "1500, 1.5µs",
            "12000000, 12ms",
            "1500000, 1.5ms",
            "857000000, 857ms",
            "1000000000, 1s",
            "1500000000, 1.5s",
            "1146000000, 1.146s",
            "59999000000, 59.999s",
            "60000000000, 1m0s",
            "360000000000, 6m0s",
            "90500000000, 1m30.5s",
            "3600000000000, 1h0m0s",
            "3723500000000, 1h2m3.5s",
            "8640000000000, 2h24m0s",
            "90000000000000, 25h0m0s",
            "1000000001, 1.000000001s",
            "-1500000000, -1.5s"
    })
    void formats_like_go_time_duration_string(long nanos, String expected) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(expected);
    }
}
