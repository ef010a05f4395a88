package io.quotah.notification.email;

import io.quotah.notification.config.NotificationSettings;
import io.quotah.notification.delivery.Outcome;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Email over SMTP (JavaMailSender): a multipart/alternative message, text first, then HTML. An SMTP reply of
 * 4xx and an unreachable or silent server are retried; a 5xx reply or a malformed address is not.
 */
final class SmtpTransport implements EmailTransport {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
    private final InternetAddress from;

    SmtpTransport(NotificationSettings.Email email) {
        NotificationSettings.Smtp smtp = email.smtp();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = new Properties();
        String timeout = Long.toString(smtp.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
            properties.setProperty("mail.smtp.auth", "true");
        }
        if (smtp.starttls()) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        sender.setJavaMailProperties(properties);
        this.from = senderAddress(email);
    }

    static InternetAddress senderAddress(NotificationSettings.Email email) {
        try {
            InternetAddress address = new InternetAddress(email.from(), email.fromName(), StandardCharsets.UTF_8.name());
            address.validate();
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("quotah.notification.email.from is not a valid address: " + email.from(), e);
        }
    }

    @Override
    public Outcome send(EmailMessage message) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            mime.setFrom(from);
            mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(message.to(), true));
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setSentDate(new Date());
            for (var header : message.headers().entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
        } catch (AddressException e) {
            return Outcome.failed("not a valid email address");
        } catch (MessagingException e) {
            return Outcome.failed("the message could not be built: " + e.getMessage());
        }
        try {
            sender.send(mime);
            return Outcome.sent();
        } catch (MailException e) {
            return classify(e);
        }
    }

    /** What a failed SMTP send means: the server's reply code where it gave one, else how the connection failed. */
    static Outcome classify(MailException failure) {
        if (failure instanceof MailAuthenticationException) {
            // A configuration fault, not this message's: retried, so alerts still go out once it is fixed.
            return Outcome.retryLater("the SMTP server refused Quotah's credentials");
        }
        for (Throwable cause : causes(failure)) {
            int code = switch (cause) {
                case SMTPAddressFailedException refused -> refused.getReturnCode();
                case SMTPSendFailedException refused -> refused.getReturnCode();
                default -> -1;
            };
            if (code >= 400 && code < 500) {
                return Outcome.retryLater("SMTP " + oneLine(cause.getMessage()));
            }
            if (code >= 500) {
                return Outcome.failed("SMTP " + oneLine(cause.getMessage()));
            }
            switch (cause) {
                case AddressException invalid -> {
                    return Outcome.failed("not a valid email address");
                }
                case SocketTimeoutException slow -> {
                    return Outcome.retryLater("the SMTP server did not answer in time");
                }
                case MailConnectException unreachable -> {
                    return Outcome.retryLater("cannot connect to the SMTP server");
                }
                case ConnectException unreachable -> {
                    return Outcome.retryLater("cannot connect to the SMTP server");
                }
                case UnknownHostException unknown -> {
                    return Outcome.retryLater("the SMTP server's host name does not resolve");
                }
                default -> {
                }
            }
        }
        return Outcome.retryLater("SMTP: " + oneLine(rootMessage(failure)));
    }

    /** The exception, its causes, and for a failed send each message's own exception and theirs. */
    private static Iterable<Throwable> causes(MailException failure) {
        Deque<Throwable> queue = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        List<Throwable> all = new ArrayList<>();
        queue.add(failure);
        if (failure instanceof MailSendException send) {
            queue.addAll(List.of(send.getMessageExceptions()));
        }
        while (!queue.isEmpty()) {
            Throwable next = queue.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            all.add(next);
            if (next.getCause() != null) {
                queue.add(next.getCause());
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                queue.add(messaging.getNextException());
            }
        }
        return all;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }
}
