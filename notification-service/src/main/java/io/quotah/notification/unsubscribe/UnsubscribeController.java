package io.quotah.notification.unsubscribe;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The unsubscribe link of every alert email; no account needed, the signed token is the authority. GET only
 * shows a confirm button (mail scanners follow links), POST unsubscribes: the form's and the mail client's
 * one-click request (RFC 8058, {@code List-Unsubscribe=One-Click}) alike.
 */
@Controller
@RequestMapping(UnsubscribeLinks.PATH)
class UnsubscribeController {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeController.class);

    private final UnsubscribeLinks links;
    private final Suppressions suppressions;

    UnsubscribeController(UnsubscribeLinks links, Suppressions suppressions) {
        this.links = links;
        this.suppressions = suppressions;
    }

    /** The token is in the address: keep it out of caches, referrers and search engines. */
    @ModelAttribute
    void privatePage(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex");
    }

    @GetMapping
    String confirm(@RequestParam String token, Model model) {
        UnsubscribeTokens.Subscription subscription = links.read(token).orElseThrow(InvalidLink::new);
        model.addAttribute("address", subscription.address());
        model.addAttribute("token", token);
        return "unsubscribe/confirm";
    }

    @PostMapping
    String unsubscribe(@RequestParam String token, Model model) {
        UnsubscribeTokens.Subscription subscription = links.read(token).orElseThrow(InvalidLink::new);
        if (suppressions.suppress(subscription.workspaceId(), subscription.ruleId(), subscription.address())) {
            log.info("workspace {}: {} unsubscribed from rule {}", subscription.workspaceId(), subscription.address(),
                    subscription.ruleId());
        }
        model.addAttribute("address", subscription.address());
        return "unsubscribe/done";
    }

    @ExceptionHandler({InvalidLink.class, MissingServletRequestParameterException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid() {
        return "unsubscribe/invalid";
    }

    /** A token that is malformed or not signed with our secret: forged, cut short, or from another installation. */
    static final class InvalidLink extends RuntimeException {
        InvalidLink() {
            super("not a valid unsubscribe link", null, false, false);
        }
    }
}
