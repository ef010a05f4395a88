package io.quotah.notification.email;

import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import io.quotah.notification.config.NotificationSettings;
import io.quotah.notification.delivery.Outcome;
import io.quotah.notification.delivery.RetryAfter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.client.HttpClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Email through SendGrid's v3 {@code mail/send} API (sendgrid-java). 202 is sent; 429 and 5xx are retried
 * (after SendGrid's Retry-After or rate-limit reset when it gives one); any other 4xx is not.
 */
final class SendGridTransport implements EmailTransport {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SendGrid sendGrid;
    private final Email from;

    SendGridTransport(NotificationSettings.Email email, NotificationSettings.Http http) {
        String apiKey = email.sendgrid().apiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("quotah.notification.email.provider is SENDGRID but no API key is set: "
                    + "set QUOTAH_SENDGRID_API_KEY");
        }
        URI base = URI.create(email.sendgrid().baseUrl());
        boolean plainHttp = "http".equalsIgnoreCase(base.getScheme());
        // The API key travels in a header: in the clear only to this machine (a test's fake SendGrid).
        if (!"https".equalsIgnoreCase(base.getScheme()) && !(plainHttp && LOOPBACK.contains(base.getHost()))) {
            throw new IllegalStateException("quotah.notification.email.sendgrid.base-url must be https "
                    + "(http only to localhost): " + base);
        }
        if (base.getRawPath() != null && !base.getRawPath().isEmpty() && !"/".equals(base.getRawPath())) {
            throw new IllegalStateException("quotah.notification.email.sendgrid.base-url takes no path: " + base);
        }
        int connect = Math.toIntExact(http.connectTimeout().toMillis());
        int read = Math.toIntExact(http.readTimeout().toMillis());
        var httpClient = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(connect)
                        .setConnectionRequestTimeout(connect).setSocketTimeout(read).build())
                // our worker retries, with back-off and a record of each attempt
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .build();
        this.sendGrid = new SendGrid(apiKey, new Client(httpClient, plainHttp));
        this.sendGrid.setHost(base.getRawAuthority());
        this.from = new Email(email.from(), email.fromName());
        SmtpTransport.senderAddress(email); // the same check of the sender address as SMTP's
    }

    @Override
    public Outcome send(EmailMessage message) {
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        try {
            request.setBody(mail(message).build());
        } catch (IOException e) {
            return Outcome.failed("the message could not be encoded for SendGrid: " + e.getMessage());
        }
        Response response;
        try {
            response = sendGrid.api(request);
        } catch (ConnectTimeoutException | SocketTimeoutException e) {
            return Outcome.retryLater("SendGrid did not answer in time");
        } catch (ConnectException e) {
            return Outcome.retryLater("cannot connect to SendGrid");
        } catch (UnknownHostException e) {
            return Outcome.retryLater("SendGrid's host name does not resolve");
        } catch (IOException e) {
            return Outcome.retryLater("SendGrid unreachable: " + e.getClass().getSimpleName());
        }
        int status = response.getStatusCode();
        return Outcome.ofHttpStatus(status, retryAfter(response.getHeaders()), status / 100 == 2 ? null
                : errorMessage(response.getBody()));
    }

    private Mail mail(EmailMessage message) {
        Mail mail = new Mail();
        mail.setFrom(from);
        mail.setSubject(message.subject());
        Personalization personalization = new Personalization();
        personalization.addTo(new Email(message.to()));
        mail.addPersonalization(personalization);
        // SendGrid wants text/plain before text/html
        mail.addContent(new Content("text/plain", message.text()));
        mail.addContent(new Content("text/html", message.html()));
        message.headers().forEach(mail::addHeader);
        return mail;
    }

    /** Retry-After when SendGrid sends one, else the moment its rate limit resets (X-RateLimit-Reset, epoch seconds). */
    private static Duration retryAfter(Map<String, String> headers) {
        Instant now = Instant.now();
        String retryAfter = header(headers, "Retry-After");
        if (retryAfter != null) {
            return RetryAfter.parse(retryAfter, now);
        }
        String reset = header(headers, "X-RateLimit-Reset");
        if (reset != null && reset.matches("\\d{1,12}")) {
            Instant at = Instant.ofEpochSecond(Long.parseLong(reset));
            return at.isAfter(now) ? Duration.between(now, at) : null;
        }
        return null;
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** SendGrid's own words ({@code errors[0].message}), or the start of the body. */
    private static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode message = JSON.readTree(body).path("errors").path(0).path("message");
            if (message.isString()) {
                return message.asString();
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw text
        }
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
