package io.quotah.notification.email;

import io.quotah.notification.message.AlertFacts;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an alert email from {@code mail/alert.html} and {@code mail/alert.txt} (Thymeleaf): both carry the
 * same facts, the dashboard link and, where the alert names its rule, the recipient's unsubscribe link.
 */
@Component
class EmailTemplates {

    /** Ours alone, apart from the web pages' engine: mail templates live outside {@code templates/}. */
    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    EmailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailTemplates.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** @param unsubscribeUrl null when the alert names no rule */
    EmailMessage render(AlertFacts facts, String to, String unsubscribeUrl) {
        Context context = new Context();
        context.setVariable("facts", facts);
        context.setVariable("unsubscribeUrl", unsubscribeUrl);
        Map<String, String> headers = new LinkedHashMap<>();
        if (unsubscribeUrl != null) {
            headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        // RFC 3834: out-of-office replies and the like should not answer an alert.
        headers.put("Auto-Submitted", "auto-generated");
        return new EmailMessage(to, facts.subject(), engine.process("alert.txt", context),
                engine.process("alert.html", context), headers);
    }
}
