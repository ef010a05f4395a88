package io.quotah.alert.rules;

import io.quotah.contracts.events.AlertRaised.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Where a rule's alerts go: an email address, or a Slack, Discord or signed webhook URL. */
@Embeddable
public class RuleChannel {

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    private Channel type;

    @Column(name = "target", nullable = false)
    private String target;

    /** WEBHOOK only: what its bodies are signed with. Never logged; answered once, when made. */
    @Column(name = "signing_secret")
    private String signingSecret;

    protected RuleChannel() {
    }

    RuleChannel(Channel type, String target, String signingSecret) {
        this.type = type;
        this.target = target;
        this.signingSecret = signingSecret;
    }

    public Channel type() {
        return type;
    }

    public String target() {
        return target;
    }

    public String signingSecret() {
        return signingSecret;
    }

    @Override
    public String toString() {
        return type == Channel.EMAIL ? "RuleChannel[EMAIL " + target + "]" : "RuleChannel[" + type + "]";
    }
}
