package io.quotah.poller.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyCipherTest {

    private static final String KEY = "sk-ant-api03-secret-value-abcd";
    private final String k1 = randomKey();
    private final String k2 = randomKey();

    @Test
    void seals_so_that_only_the_data_key_opens_and_nothing_of_the_key_shows() {
        KeyCipher cipher = new KeyCipher(new EncryptionSettings("k1", Map.of("k1", k1)));
        KeyCipher.Sealed sealed = cipher.seal(KEY);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("secret", "abcd");
        assertThat(cipher.open(sealed)).isEqualTo(KEY);
        assertThat(cipher.seal(KEY).ciphertext()).as("a fresh nonce each time").isNotEqualTo(sealed.ciphertext());
    }

    @Test
    void after_rotation_old_secrets_still_open_and_new_ones_use_the_new_key() {
        KeyCipher before = new KeyCipher(new EncryptionSettings("k1", Map.of("k1", k1)));
        KeyCipher.Sealed old = before.seal(KEY);
        KeyCipher after = new KeyCipher(new EncryptionSettings("k2", Map.of("k1", k1, "k2", k2)));

        assertThat(after.open(old)).isEqualTo(KEY);
        assertThat(after.seal(KEY).keyId()).isEqualTo("k2");
    }

    @Test
    void altered_or_relabelled_ciphertext_does_not_open() {
        KeyCipher cipher = new KeyCipher(new EncryptionSettings("k1", Map.of("k1", k1, "k2", k1)));
        KeyCipher.Sealed sealed = cipher.seal(KEY);
        byte[] altered = sealed.ciphertext().clone();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(new KeyCipher.Sealed("k1", altered))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(new KeyCipher.Sealed("k2", sealed.ciphertext())))
                .as("the key id is bound to the ciphertext").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refuses_to_start_without_a_proper_data_key() {
        assertThatThrownBy(() -> new KeyCipher(new EncryptionSettings("k1", Map.of("k1", ""))))
                .hasMessageContaining("QUOTAH_POLLER_DATA_KEY");
        assertThatThrownBy(() -> new KeyCipher(new EncryptionSettings("k1", Map.of("k1", "c2hvcnQ="))))
                .hasMessageContaining("32");
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
