package io.quotah.dev.simulator.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Random ids for requests and messages, and stable ids derived from a secret without revealing it. */
public final class Ids {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Ids() {
    }

    public static String base62(int length) {
        StringBuilder id = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return id.toString();
    }

    public static String hex(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    /** The same text always gives the same id: keys keep their ids across restarts of the simulator. */
    public static String stableBase62(String text, int length) {
        byte[] digest = sha256(text);
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(BASE62.charAt(Byte.toUnsignedInt(digest[i % digest.length]) % BASE62.length()));
        }
        return id.toString();
    }

    public static String stableHex(String text, int length) {
        return HexFormat.of().formatHex(sha256(text)).substring(0, length);
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
