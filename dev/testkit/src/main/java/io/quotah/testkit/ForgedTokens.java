package io.quotah.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Tokens that look right but are signed by a key of our own, not the realm's: every Quotah API must
 * refuse them.
 */
public final class ForgedTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** An RS256 token with the realm's issuer and the API audience, valid for an hour, signed by a stranger. */
    public static String signedByAnotherKey(String issuer, String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair stranger = generator.generateKeyPair();
            long now = Instant.now().getEpochSecond();
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + UUID.randomUUID() + "\"}";
            String claims = """
                    {"iss":"%s","sub":"%s","aud":"quotah-api","iat":%d,"exp":%d,"email":"mallory@example.com"}"""
                    .formatted(issuer, subject, now, now + 3600);
            String signingInput = encode(header) + "." + encode(claims);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(stranger.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
