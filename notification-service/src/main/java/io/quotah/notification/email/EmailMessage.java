package io.quotah.notification.email;

import java.util.Map;

/**
 * One rendered email, transport-neutral.
 *
 * @param headers extra headers ({@code List-Unsubscribe}, ...), in order
 */
record EmailMessage(String to, String subject, String text, String html, Map<String, String> headers) {
}
