package io.quotah.notification.email;

import io.quotah.notification.config.NotificationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one email transport {@code quotah.notification.email.provider} names. */
@Configuration(proxyBeanMethods = false)
class EmailTransports {

    private static final Logger log = LoggerFactory.getLogger(EmailTransports.class);

    @Bean
    EmailTransport emailTransport(NotificationSettings settings) {
        NotificationSettings.Email email = settings.email();
        return switch (email.provider()) {
            case SMTP -> {
                log.info("email goes out over SMTP at {}:{} from {}", email.smtp().host(), email.smtp().port(),
                        email.from());
                yield new SmtpTransport(email);
            }
            case SENDGRID -> {
                log.info("email goes out through SendGrid at {} from {}", email.sendgrid().baseUrl(), email.from());
                yield new SendGridTransport(email, settings.http());
            }
        };
    }
}
