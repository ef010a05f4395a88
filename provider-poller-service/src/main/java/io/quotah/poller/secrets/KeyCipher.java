package io.quotah.poller.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts provider keys at rest with AES-256-GCM. Each ciphertext names the data key that sealed it, so
 * a new data key can be made active while older ones still open what they sealed (rotation). The key id is
 * bound to the ciphertext as associated data: a ciphertext relabelled with another key id does not open.
 */
@Component
public class KeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> dataKeys = new HashMap<>();
    private final String activeKeyId;

    KeyCipher(EncryptionSettings settings) {
        settings.dataKeys().forEach((id, encoded) -> {
            if (encoded != null && !encoded.isBlank()) {
                dataKeys.put(id, decode(id, encoded));
            }
        });
        if (!dataKeys.containsKey(settings.activeKeyId())) {
            throw new IllegalStateException("quotah.poller.encryption.active-key-id is '" + settings.activeKeyId()
                    + "' but no data key has that id: set quotah.poller.encryption.data-keys."
                    + settings.activeKeyId() + " (QUOTAH_POLLER_DATA_KEY) to 32 random bytes in base64");
        }
        this.activeKeyId = settings.activeKeyId();
    }

    public Sealed seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, dataKeys.get(activeKeyId), nonce, activeKeyId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new Sealed(activeKeyId, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String open(Sealed sealed) {
        SecretKey key = dataKeys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no data key '" + sealed.keyId() + "' is configured to open this secret");
        }
        ByteBuffer buffer = ByteBuffer.wrap(sealed.ciphertext());
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] rest = new byte[buffer.remaining()];
        buffer.get(rest);
        try {
            return new String(cipher(Cipher.DECRYPT_MODE, key, nonce, sealed.keyId()).doFinal(rest),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored key does not open with data key '" + sealed.keyId()
                    + "': it was altered or sealed with another key", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKey decode(String id, String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("data key '" + id + "' is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("data key '" + id + "' has " + bytes.length
                    + " bytes; AES-256 needs 32 (e.g. openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A secret as stored: the data key's id, and nonce followed by ciphertext and tag. */
    public record Sealed(String keyId, byte[] ciphertext) {
    }
}
