package io.quotah.localstack;

/**
 * Database names: {@code <prefix>_<name>}, the prefix {@code quotah} unless {@code QUOTAH_DB_PREFIX} says
 * otherwise (tests use their own, so a stack you run keeps its data to itself).
 */
final class Databases {

    private Databases() {
    }

    static String name(String suffix) {
        String prefix = Settings.get("QUOTAH_DB_PREFIX", "quotah");
        if (!prefix.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new StackException("QUOTAH_DB_PREFIX must be lower-case letters, digits and _, was '" + prefix + "'");
        }
        return prefix + "_" + suffix;
    }
}
