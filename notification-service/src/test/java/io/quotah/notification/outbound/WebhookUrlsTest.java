package io.quotah.notification.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    private final WebhookUrls dev = new WebhookUrls(true);
    private final WebhookUrls production = new WebhookUrls(false);

    @Test
    void https_is_always_called() {
        assertThat(production.check("https://hooks.slack.com/services/T0/B0/x").refused()).isEmpty();
    }

    @Test
    void plain_http_is_called_only_on_this_machine_and_only_where_allowed() {
        assertThat(dev.check("http://127.0.0.1:9000/hook").refused()).isEmpty();
        assertThat(dev.check("http://localhost/hook").refused()).isEmpty();
        assertThat(dev.check("http://example.com/hook").refused()).hasValueSatisfying(
                why -> assertThat(why).contains("only https"));
        assertThat(production.check("http://127.0.0.1:9000/hook").refused()).hasValueSatisfying(
                why -> assertThat(why).contains("allow-http-localhost=false"));
    }

    @Test
    void what_is_not_an_absolute_web_url_is_refused() {
        assertThat(dev.check("hooks.slack.com/services").refused()).isPresent();
        assertThat(dev.check("ftp://example.com/x").refused()).isPresent();
        assertThat(dev.check("https:// spaces .com").refused()).isPresent();
    }
}
