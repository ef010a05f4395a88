package io.quotah.contracts.pricing;

import java.math.BigDecimal;

/**
 * What some tokens cost by the price book: an exact USD amount, or UNKNOWN with the reason (a model, tier or token
 * kind the book has no price for). Unknown is never 0.
 *
 * @param amount the exact cost in USD, null when unknown
 * @param unknownReason why the cost is unknown, null when it is known
 */
public record Priced(BigDecimal amount, String unknownReason) {

    static final Priced NOTHING = new Priced(BigDecimal.ZERO, null);

    static Priced known(BigDecimal amount) {
        return new Priced(amount, null);
    }

    static Priced unknown(String reason) {
        return new Priced(null, reason);
    }

    public boolean known() {
        return amount != null;
    }
}
