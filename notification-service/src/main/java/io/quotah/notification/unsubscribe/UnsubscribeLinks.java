package io.quotah.notification.unsubscribe;

import io.quotah.notification.config.NotificationSettings;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The one-click unsubscribe link of a recipient and a rule, signed with the configured secret. */
@Component
public class UnsubscribeLinks {

    static final String PATH = "/api/notifications/unsubscribe";

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeLinks.class);
    private static final int MIN_SECRET_LENGTH = 32;

    private final UnsubscribeTokens tokens;
    private final String baseUrl;

    UnsubscribeLinks(NotificationSettings settings) {
        NotificationSettings.Unsubscribe unsubscribe = settings.unsubscribe();
        if (unsubscribe.isDevOnlyDefault()) {
            log.warn("QUOTAH_NOTIFICATION_UNSUBSCRIBE_SECRET is not set: unsubscribe links are signed with a dev-only "
                    + "key anyone can read in Quotah's source. Set it (the same on every replica) in production.");
        } else if (unsubscribe.secret().length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("quotah.notification.unsubscribe.secret "
                    + "(QUOTAH_NOTIFICATION_UNSUBSCRIBE_SECRET) must be at least " + MIN_SECRET_LENGTH
                    + " characters, e.g. `openssl rand -base64 32`");
        }
        this.tokens = new UnsubscribeTokens(unsubscribe.secret());
        this.baseUrl = settings.baseUrl();
    }

    /** The link that stops {@code ruleId}'s mail to {@code address}; POSTing to it is the one-click unsubscribe. */
    public String urlFor(String workspaceId, UUID ruleId, String address) {
        return baseUrl + PATH + "?token=" + tokens.mint(workspaceId, ruleId, address);
    }

    Optional<UnsubscribeTokens.Subscription> read(String token) {
        return tokens.read(token);
    }
}
