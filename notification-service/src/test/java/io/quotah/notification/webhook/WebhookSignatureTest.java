package io.quotah.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signs_the_timestamp_a_dot_and_the_body_as_docs_alerts_api_shows() {
        assertThat(WebhookSignature.header("whsec_example", 1764590400L, "{}"))
                .isEqualTo("t=1764590400,v1=0efa3b4f689c2421bb2263caf32fcff029927171560bf8479ca4b95cfa433cf9");
    }

    @Test
    void another_secret_another_time_or_another_body_signs_differently() {
        String signature = WebhookSignature.header("whsec_example", 1764590400L, "{}");

        assertThat(WebhookSignature.header("whsec_other", 1764590400L, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.header("whsec_example", 1764590401L, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.header("whsec_example", 1764590400L, "{ }")).isNotEqualTo(signature);
    }
}
