package io.quotah.poller.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
            "1s, 1000",
            "6m0s, 360000",
            "12ms, 12",
            "1h2m3.5s, 3723500",
            "1.146s, 1146",
            "0s, 0",
            "0, 0",
            "250us, 0",
            "20m, 1200000",
            ".5s, 500"
    })
    void reads_what_openai_sends(String text, long millis) {
        assertThat(GoDuration.parse(text).toMillis()).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "6m0", "-1s", "1d", "1s garbage", "s", "1.2.3s"})
    void refuses_what_is_not_a_go_duration(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void keeps_sub_millisecond_precision() {
        assertThat(GoDuration.parse("1.5ms")).isEqualTo(Duration.ofNanos(1_500_000));
    }
}
