package io.quotah.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.notification.delivery.Outcome;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

class SmtpFailuresTest {

    @Test
    void a_4xx_reply_is_retried_and_a_5xx_reply_is_not() throws AddressException {
        var busy = new SMTPSendFailedException("DATA", 451, "451 4.3.0 try again later", null, null, null, null);
        var unknown = new SMTPAddressFailedException(new InternetAddress("nobody@example.com"), "RCPT TO", 550,
                "550 5.1.1 no such user");

        assertThat(SmtpTransport.classify(new MailSendException("failed", busy)))
                .isInstanceOf(Outcome.TransientFailure.class);
        assertThat(SmtpTransport.classify(new MailSendException("failed", unknown)))
                .isEqualTo(Outcome.failed("SMTP 550 5.1.1 no such user"));
    }

    @Test
    void an_unreachable_server_or_refused_credentials_are_retried() {
        assertThat(SmtpTransport.classify(new MailSendException("failed", new ConnectException("refused"))))
                .isEqualTo(Outcome.retryLater("cannot connect to the SMTP server"));
        assertThat(SmtpTransport.classify(new MailAuthenticationException("535")))
                .isInstanceOf(Outcome.TransientFailure.class);
    }

    @Test
    void only_a_single_bare_address_is_an_email_address() {
        assertThat(EmailChannel.isPlainAddress("ops@example.com")).isTrue();
        assertThat(EmailChannel.isPlainAddress("not an address")).isFalse();
        assertThat(EmailChannel.isPlainAddress("Ops <ops@example.com>")).isFalse();
        assertThat(EmailChannel.isPlainAddress("a@example.com, b@example.com")).isFalse();
        assertThat(EmailChannel.isPlainAddress("ops")).isFalse();
    }
}
