package io.quotah.poller.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.poller.provider.CallOutcome;
import io.quotah.poller.provider.LimitReading;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one mapping from a provider's answer to a key's status, for the check on adding and for each poll. */
class KeyStandingTest {

    @Test
    void an_accepted_call_is_healthy_with_no_reason() {
        assertThat(KeyStanding.of(new CallOutcome.Accepted(LimitReading.none(), null)))
                .isEqualTo(new KeyStanding(ConnectionStatus.HEALTHY, null));
    }

    @Test
    void a_refusal_is_invalid_in_the_providers_words() {
        KeyStanding standing = KeyStanding.of(new CallOutcome.Refused(401, "invalid x-api-key"));

        assertThat(standing).isEqualTo(new KeyStanding(ConnectionStatus.INVALID, "invalid x-api-key"));
        assertThat(standing.keyWorks()).isFalse();
    }

    @Test
    void a_rate_limit_proves_the_key_works() {
        KeyStanding standing = KeyStanding.of(new CallOutcome.RateLimited(Duration.ofSeconds(3), LimitReading.none(),
                "slow down"));

        assertThat(standing.status()).isEqualTo(ConnectionStatus.RATE_LIMITED);
        assertThat(standing.keyWorks()).isTrue();
    }

    @Test
    void out_of_quota_is_a_provider_error_that_says_so() {
        assertThat(KeyStanding.of(new CallOutcome.QuotaExhausted("insufficient_quota", "add credit")))
                .isEqualTo(new KeyStanding(ConnectionStatus.PROVIDER_ERROR,
                        "out of quota (insufficient_quota): add credit"));
    }

    @Test
    void a_provider_failure_proves_nothing_about_the_key() {
        KeyStanding standing = KeyStanding.of(new CallOutcome.ProviderError(529, "overloaded_error: Overloaded"));

        assertThat(standing).isEqualTo(new KeyStanding(ConnectionStatus.PROVIDER_ERROR,
                "overloaded_error: Overloaded"));
        assertThat(standing.keyWorks()).isFalse();
    }
}
