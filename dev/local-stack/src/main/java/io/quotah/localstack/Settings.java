package io.quotah.localstack;

/** Settings of the local stack, from environment variables (or system properties of the same name). */
final class Settings {

    private Settings() {
    }

    static String get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    static String get(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }

    static int port(String name, int fallback) {
        String value = get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(name + " must be a port number from 1 to 65535, was '" + value + "'.");
        }
    }
}
