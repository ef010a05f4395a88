package io.quotah.dev.simulator.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportPageTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:30Z");
    private static final Instant END = Instant.parse("2026-03-02T10:05:00Z");

    @Test
    void aligns_the_start_down_and_pages_until_the_end() {
        ReportPage first = ReportPage.of(START, END, BucketWidth.MINUTE, 2, null);

        assertThat(first.bucketStarts()).containsExactly(
                Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("2026-03-02T10:01:00Z"));
        assertThat(first.hasMore()).isTrue();

        ReportPage second = ReportPage.of(START, END, BucketWidth.MINUTE, 2, first.nextPage());
        ReportPage third = ReportPage.of(START, END, BucketWidth.MINUTE, 2, second.nextPage());

        assertThat(second.bucketStarts()).containsExactly(
                Instant.parse("2026-03-02T10:02:00Z"), Instant.parse("2026-03-02T10:03:00Z"));
        assertThat(third.bucketStarts()).containsExactly(Instant.parse("2026-03-02T10:04:00Z"));
        assertThat(third.hasMore()).isFalse();
        assertThat(third.nextPage()).isNull();
    }

    @Test
    void rejects_a_page_token_it_did_not_make() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReportPage.of(START, END, BucketWidth.MINUTE, 2, "page_bm9wZQ"));
    }
}
