package io.quotah.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where notification-service sends mail. By default a mail catcher: GreenMail standalone (from Maven Central,
 * copied by the build), a real SMTP server on 127.0.0.1 that takes mail from anyone to anyone (any login
 * works too) and keeps it in memory instead of delivering it, with a REST API to read it. Nothing it catches
 * leaves the machine, and it is empty again after each start. {@code QUOTAH_MAIL_HOST} (with
 * {@code QUOTAH_MAIL_PORT}, default 25) names an SMTP server of yours instead; then no catcher is started.
 *
 * <p>Reading what was caught, by hand or from a test, at {@link #webUrl()}:
 * <ul>
 *   <li>{@code GET /api/user/<email>/messages/INBOX}: the messages to that address, oldest first, each
 *       {@code {"uid": "1", "Message-ID": ..., "subject": ..., "contentType": ..., "mimeMessage": <the raw
 *       message>}}; a 400 {@code {"message": "User '<email>' not found"}} while nothing was ever sent to it;</li>
 *   <li>{@code POST /api/mail/purge}: forgets every message;</li>
 *   <li>{@code GET /api/service/readiness}: 200 once SMTP takes mail.</li>
 * </ul>
 */
final class MailProvider implements AutoCloseable {

    static final String SMTP_PORT_VARIABLE = "QUOTAH_MAIL_SMTP_PORT";
    static final String WEB_PORT_VARIABLE = "QUOTAH_MAIL_WEB_PORT";
    static final String HOST_VARIABLE = "QUOTAH_MAIL_HOST";
    static final String PORT_VARIABLE = "QUOTAH_MAIL_PORT";

    private static final String LOOPBACK = "127.0.0.1";

    private final String host;
    private final int port;
    private final String webUrl;
    private final ManagedProcess process;

    private MailProvider(String host, int port, String webUrl, ManagedProcess process) {
        this.host = host;
        this.port = port;
        this.webUrl = webUrl;
        this.process = process;
    }

    /** Whether this run starts the mail catcher, and so needs its ports. */
    static boolean startsCatcher() {
        return Settings.get(HOST_VARIABLE) == null;
    }

    static int smtpPort() {
        return Settings.port(SMTP_PORT_VARIABLE, 3025);
    }

    static int webPort() {
        return Settings.port(WEB_PORT_VARIABLE, 8025);
    }

    static MailProvider findOrStart(StackLayout layout) {
        String named = Settings.get(HOST_VARIABLE);
        if (named != null) {
            int port = Settings.port(PORT_VARIABLE, 25);
            if (!Ports.answers(named, port)) {
                throw new StackException(HOST_VARIABLE + " names " + named + ":" + port + " (" + PORT_VARIABLE
                        + "), but nothing answers there. Start that SMTP server, or unset " + HOST_VARIABLE
                        + " to have ./quotah up start its mail catcher.");
            }
            return new MailProvider(named, port, null, null);
        }
        int smtp = smtpPort();
        int web = webPort();
        List<String> command = List.of(ManagedProcess.javaBinary(), "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=" + LOOPBACK, "-Dgreenmail.smtp.port=" + smtp,
                // any recipient gets a mailbox on first delivery; any login is accepted
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=" + LOOPBACK, "-Dgreenmail.api.port=" + web,
                "-jar", layout.mailCatcherJar().toString());
        ManagedProcess process = ManagedProcess.start("mail-catcher", command, Map.of(), layout.home(),
                layout.logs().resolve("mail-catcher.log"));
        MailProvider catcher = new MailProvider(LOOPBACK, smtp, "http://localhost:" + web, process);
        catcher.awaitReady(Duration.ofSeconds(30));
        return catcher;
    }

    private void awaitReady(Duration timeout) {
        String readiness = "http://" + LOOPBACK + ":" + webPort() + "/api/service/readiness";
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StackException("The mail catcher stopped while starting; the end of " + process.log()
                        + ":\n" + process.tail(20));
            }
            if (Readiness.isReady(readiness) && Ports.answers(LOOPBACK, port)) {
                return;
            }
            process.awaitExit(Duration.ofMillis(200));
        }
        process.stop(Duration.ofSeconds(5));
        throw new StackException("The mail catcher did not answer at " + readiness + " within "
                + timeout.toSeconds() + " s; see " + process.log());
    }

    /** What notification-service is told: the SMTP server it sends through. */
    Map<String, String> serviceEnvironment() {
        return Map.of(HOST_VARIABLE, host, PORT_VARIABLE, Integer.toString(port));
    }

    boolean isCatcher() {
        return process != null;
    }

    String smtpAddress() {
        return host + ":" + port;
    }

    /** The catcher's web page and REST API; null for a server of yours. */
    String webUrl() {
        return webUrl;
    }

    /** The line the start prints. */
    String describe() {
        return isCatcher()
                ? "SMTP " + smtpAddress() + ", web and API " + webUrl + "  mail caught here, never delivered"
                : smtpAddress() + "  yours (" + HOST_VARIABLE + ")";
    }

    /** Its line in the status table. */
    StackState.Component component() {
        return isCatcher()
                ? new StackState.Component("mail-catcher", webUrl, null, process.pid(),
                        "started by quotah; SMTP " + smtpAddress())
                : new StackState.Component("mail-server", smtpAddress(), null, 0, "yours (" + HOST_VARIABLE + ")");
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(5));
        }
    }
}
