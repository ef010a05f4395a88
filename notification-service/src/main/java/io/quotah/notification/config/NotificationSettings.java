package io.quotah.notification.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of notification-service ({@code quotah.notification.*}), each with a default that fits
 * {@code ./quotah up}; application.yml documents them and names their environment variables.
 *
 * @param baseUrl where people open Quotah: dashboard and unsubscribe links in messages start with it
 * @param allowHttpLocalhost whether plain-http webhook URLs to localhost or 127.0.0.1 are taken (dev and tests);
 *        any other URL must be https
 */
@ConfigurationProperties("quotah.notification")
public record NotificationSettings(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("true") boolean allowHttpLocalhost,
        @DefaultValue Sender sender,
        @DefaultValue Retry retry,
        @DefaultValue Http http,
        @DefaultValue Email email,
        @DefaultValue Unsubscribe unsubscribe) {

    public NotificationSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * The worker that sends queued deliveries.
     *
     * @param enabled false leaves deliveries queued (a replica that only serves the API)
     * @param pollInterval how often it looks for due deliveries when nothing woke it
     * @param concurrency sends in flight at once, per replica
     * @param batchSize the most deliveries claimed in one look
     * @param lease how long a claimed delivery stays with its replica; longer than any send can take, so a
     *        replica that died mid-send frees its deliveries when this runs out
     */
    public record Sender(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("16") int concurrency,
            @DefaultValue("32") int batchSize,
            @DefaultValue("2m") Duration lease) {

        public Sender {
            if (concurrency < 1 || batchSize < 1 || pollInterval.isNegative() || pollInterval.isZero()
                    || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("quotah.notification.sender: concurrency and batch-size must be at "
                        + "least 1, poll-interval and lease above zero");
            }
        }
    }

    /**
     * Retries of transient failures: the wait doubles from {@code initialBackoff} up to {@code maxBackoff}
     * (or is what the receiver's Retry-After asks, if longer), until {@code giveUpAfter} from the first attempt.
     */
    public record Retry(
            @DefaultValue("5s") Duration initialBackoff,
            @DefaultValue("10m") Duration maxBackoff,
            @DefaultValue("1h") Duration giveUpAfter) {

        public Retry {
            if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("quotah.notification.retry: initial-backoff must be above zero and "
                        + "max-backoff at least as long");
            }
        }
    }

    /** Timeouts of every outbound HTTP call: Slack, Discord, webhooks and SendGrid. */
    public record Http(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout) {
    }

    /**
     * @param provider how email leaves: SMTP or SendGrid's API
     * @param from the sender address of every email
     * @param fromName the sender's display name
     */
    public record Email(
            @DefaultValue("SMTP") EmailProvider provider,
            @DefaultValue("alerts@quotah.local") String from,
            @DefaultValue("Quotah") String fromName,
            @DefaultValue Smtp smtp,
            @DefaultValue SendGrid sendgrid) {
    }

    public enum EmailProvider {
        SMTP,
        SENDGRID
    }

    /**
     * @param starttls require STARTTLS before credentials are sent (production SMTP relays on port 587)
     * @param timeout connect, read and write timeout of an SMTP session
     */
    public record Smtp(
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("3025") int port,
            String username,
            String password,
            @DefaultValue("false") boolean starttls,
            @DefaultValue("10s") Duration timeout) {

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", username=" + username + ", starttls=" + starttls + "]";
        }
    }

    /**
     * @param apiKey required when the provider is SendGrid
     * @param baseUrl the API's address; tests point it at a local fake ({@code http://127.0.0.1:<port>})
     */
    public record SendGrid(
            String apiKey,
            @DefaultValue("https://api.sendgrid.com") String baseUrl) {

        @Override
        public String toString() {
            return "SendGrid[baseUrl=" + baseUrl + "]";
        }
    }

    /**
     * @param secret the HMAC key of unsubscribe links; every replica must have the same one. Blank means the
     *        dev-only constant below, which anyone can read here: fine for {@code ./quotah up}, never for production.
     */
    public record Unsubscribe(String secret) {

        public static final String DEV_ONLY_SECRET = "quotah-dev-only-unsubscribe-secret-do-not-use-in-production";

        public Unsubscribe {
            secret = secret == null || secret.isBlank() ? DEV_ONLY_SECRET : secret;
        }

        public boolean isDevOnlyDefault() {
            return DEV_ONLY_SECRET.equals(secret);
        }

        @Override
        public String toString() {
            return "Unsubscribe[secret=" + (isDevOnlyDefault() ? "dev-only default" : "set") + "]";
        }
    }
}
