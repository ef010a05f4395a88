package io.quotah.notification.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";

    private final UnsubscribeTokens tokens = new UnsubscribeTokens(SECRET);
    private final UUID rule = UUID.randomUUID();

    @Test
    void a_token_names_its_workspace_rule_and_address_and_is_url_safe() {
        String token = tokens.mint("ws-1", rule, "ops@example.com");

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(tokens.read(token)).contains(new UnsubscribeTokens.Subscription("ws-1", rule, "ops@example.com"));
    }

    @Test
    void another_replica_with_the_same_secret_reads_it_and_one_with_another_secret_does_not() {
        String token = tokens.mint("ws-1", rule, "ops@example.com");

        assertThat(new UnsubscribeTokens(SECRET).read(token)).isPresent();
        assertThat(new UnsubscribeTokens(SECRET + "x").read(token)).isEmpty();
    }

    @Test
    void a_token_changed_to_name_another_address_is_refused() {
        String token = tokens.mint("ws-1", rule, "ops@example.com");
        String signature = token.substring(token.indexOf('.') + 1);
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("quotah-unsubscribe-v1\nws-1\n" + rule + "\nboss@example.com").getBytes(StandardCharsets.UTF_8));

        assertThat(tokens.read(forgedPayload + "." + signature)).isEmpty();
    }

    @Test
    void cut_short_or_malformed_tokens_are_refused() {
        String token = tokens.mint("ws-1", rule, "ops@example.com");

        assertThat(tokens.read(token.substring(0, token.length() - 3))).isEmpty();
        assertThat(tokens.read("")).isEmpty();
        assertThat(tokens.read("no-dot")).isEmpty();
        assertThat(tokens.read("a.b.c")).isEmpty();
        assertThat(tokens.read("!!!.???")).isEmpty();
        assertThat(tokens.read(null)).isEmpty();
    }
}
