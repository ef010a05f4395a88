package io.quotah.notification.unsubscribe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unsubscribe tokens: {@code base64url(payload) "." base64url(HMAC-SHA256(payload))}, the payload naming the
 * workspace, the rule and the address. Anyone holding the link may use it, nobody can make one for another
 * address or rule without the secret, and every replica with the same secret reads every replica's links.
 */
final class UnsubscribeTokens {

    /** Signed with the rest, so a token is never mistaken for another kind of signed value. */
    private static final String PURPOSE = "quotah-unsubscribe-v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    UnsubscribeTokens(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String mint(String workspaceId, UUID ruleId, String address) {
        byte[] payload = String.join("\n", PURPOSE, workspaceId, ruleId.toString(), address)
                .getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** What a token names, or empty when it is malformed or was not signed with this secret. */
    Optional<Subscription> read(String token) {
        if (token == null || token.length() > 2000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 4 || !PURPOSE.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Subscription(parts[1], UUID.fromString(parts[2]), parts[3]));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** One recipient's mail from one rule. */
    record Subscription(String workspaceId, UUID ruleId, String address) {
    }
}
