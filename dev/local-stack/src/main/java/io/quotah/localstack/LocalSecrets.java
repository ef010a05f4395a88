package io.quotah.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Secrets of a local stack, each made at random on first use and kept in {@code .quotah/secrets/}, readable by
 * this user only. Demo secrets for one machine, never for a deployment.
 */
final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {
    }

    static boolean exists(StackLayout layout, String name) {
        return Files.exists(file(layout, name));
    }

    /** A password-like value, marked as demo-only wherever it shows. */
    static String text(StackLayout layout, String name) {
        return kept(layout, name, 24, random -> "demo-only-" + HexFormat.of().formatHex(random));
    }

    /** An AES-256 data key: 32 random bytes in base64. */
    static String dataKey(StackLayout layout, String name) {
        return kept(layout, name, 32, random -> Base64.getEncoder().encodeToString(random));
    }

    private static String kept(StackLayout layout, String name, int bytes, Function<byte[], String> encoding) {
        Path file = file(layout, name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[bytes];
            RANDOM.nextBytes(random);
            String value = encoding.apply(random);
            Files.writeString(file, value);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return value;
        } catch (IOException e) {
            throw new StackException("Cannot keep a secret in " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path file(StackLayout layout, String name) {
        return layout.state().resolve("secrets").resolve(name);
    }
}
