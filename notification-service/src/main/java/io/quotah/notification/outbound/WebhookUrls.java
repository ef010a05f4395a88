package io.quotah.notification.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs Quotah posts to: https only, and plain http to this machine where the setting allows it (dev and
 * tests). A refused URL fails its delivery at once, with the reason.
 */
final class WebhookUrls {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final boolean allowHttpLocalhost;

    WebhookUrls(boolean allowHttpLocalhost) {
        this.allowHttpLocalhost = allowHttpLocalhost;
    }

    /** The URL to call, or a refusal saying why not. */
    Checked check(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Checked.refused("refused: not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return Checked.refused("refused: not an absolute URL with a host");
        }
        if ("https".equals(scheme)) {
            return Checked.allowed(uri);
        }
        if ("http".equals(scheme) && LOOPBACK.contains(host)) {
            return allowHttpLocalhost ? Checked.allowed(uri) : Checked.refused("refused: http to localhost is off "
                    + "here (quotah.notification.allow-http-localhost=false); use https");
        }
        return Checked.refused("refused: only https URLs are called (http only to localhost, in development)");
    }

    record Checked(URI uri, String refusal) {

        static Checked allowed(URI uri) {
            return new Checked(uri, null);
        }

        static Checked refused(String why) {
            return new Checked(null, why);
        }

        Optional<String> refused() {
            return Optional.ofNullable(refusal);
        }
    }
}
