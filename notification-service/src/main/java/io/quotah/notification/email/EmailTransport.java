package io.quotah.notification.email;

import io.quotah.notification.delivery.Outcome;

/** How email leaves Quotah: SMTP or SendGrid's API. Answers with an outcome, never throws for a refusal. */
interface EmailTransport {

    Outcome send(EmailMessage message);
}
