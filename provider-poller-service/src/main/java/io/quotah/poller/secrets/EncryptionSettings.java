package io.quotah.poller.secrets;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Data keys for provider keys at rest: id to 32 random bytes in base64. New secrets are sealed with the
 * active one; the others stay only to open what they sealed.
 */
@ConfigurationProperties("quotah.poller.encryption")
record EncryptionSettings(@DefaultValue("k1") String activeKeyId, Map<String, String> dataKeys) {

    EncryptionSettings {
        dataKeys = dataKeys == null ? Map.of() : Map.copyOf(dataKeys);
    }
}
