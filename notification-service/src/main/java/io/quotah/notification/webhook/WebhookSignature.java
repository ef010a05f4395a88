package io.quotah.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Quotah-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, keyed by
 * the recipient's signing secret (the whole {@code whsec_...} string, as UTF-8 bytes). A receiver recomputes it
 * over the raw body, compares in constant time, and rejects an old {@code t} so a captured request cannot be
 * replayed later.
 */
public final class WebhookSignature {

    public static final String HEADER = "Quotah-Signature";

    private WebhookSignature() {
    }

    public static String header(String signingSecret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(signingSecret, unixSeconds + "." + body);
    }

    static String hmacHex(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
