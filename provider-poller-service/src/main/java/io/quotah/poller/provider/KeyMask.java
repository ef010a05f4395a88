package io.quotah.poller.provider;

/** A key as it may be shown: its well-known prefix and its last four characters, nothing between. */
public final class KeyMask {

    private KeyMask() {
    }

    public static String mask(String key, String prefix) {
        if (key.length() < prefix.length() + 8) {
            return "…" + (key.length() > 4 ? key.substring(key.length() - 4) : "");
        }
        return prefix + "…" + key.substring(key.length() - 4);
    }
}
