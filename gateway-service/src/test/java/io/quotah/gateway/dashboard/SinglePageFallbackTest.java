package io.quotah.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SinglePageFallbackTest {

    @Test
    void page_addresses_are_answered_with_the_dashboard() {
        assertThat(SinglePageFallback.isPage("/")).isTrue();
        assertThat(SinglePageFallback.isPage("/analytics")).isTrue();
        assertThat(SinglePageFallback.isPage("/api-keys/new")).isTrue();
    }

    @Test
    void api_actuator_and_file_requests_pass_through() {
        assertThat(SinglePageFallback.isPage("/api/auth/me")).isFalse();
        assertThat(SinglePageFallback.isPage("/api")).isFalse();
        assertThat(SinglePageFallback.isPage("/actuator/health")).isFalse();
        assertThat(SinglePageFallback.isPage("/assets/index-3f2a.js")).isFalse();
        assertThat(SinglePageFallback.isPage("/favicon.svg")).isFalse();
    }
}
