package io.quotah.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A GreenMail SMTP catcher on a free port, read per recipient: other tests' mail never gets in the way. */
final class Mailbox implements AutoCloseable {

    private final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    Mailbox() {
        greenMail.start();
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    List<Mail> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> isTo(message, address))
                .map(Mail::of).toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** A received email: its headers and each leaf part by content type ({@code text/plain}, {@code text/html}). */
    record Mail(String subject, String from, Map<String, String> headers, Map<String, String> parts,
            String contentType) {

        static Mail of(MimeMessage message) {
            try {
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                var all = message.getAllHeaders();
                while (all.hasMoreElements()) {
                    var header = all.nextElement();
                    headers.put(header.getName(), header.getValue());
                }
                Map<String, String> parts = new TreeMap<>();
                collect(message, parts);
                return new Mail(message.getSubject(), message.getFrom()[0].toString(), headers, parts,
                        message.getContentType());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void collect(Part part, Map<String, String> parts) throws MessagingException, IOException {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                List<BodyPart> children = new ArrayList<>();
                for (int i = 0; i < multipart.getCount(); i++) {
                    children.add(multipart.getBodyPart(i));
                }
                for (BodyPart child : children) {
                    collect(child, parts);
                }
            } else {
                parts.put(part.getContentType().split(";")[0].trim().toLowerCase(), String.valueOf(content));
            }
        }

        String text() {
            return parts.get("text/plain");
        }

        String html() {
            return parts.get("text/html");
        }
    }
}
