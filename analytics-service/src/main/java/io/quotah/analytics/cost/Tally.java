package io.quotah.analytics.cost;

import io.quotah.contracts.pricing.Priced;
import io.quotah.contracts.pricing.TokenCounts;
import io.quotah.analytics.usage.UsagePart;
import java.math.BigDecimal;

/**
 * The exact figures of a cell (a key, model and UTC day) or of a group of cells. A cell's cost is the provider's
 * reported cost where it reported any, else the cost computed from its tokens; a group's cost is the sum of its
 * cells'. Unknown prices are kept apart from known amounts: a figure is null only when nothing of it is known.
 */
final class Tally {

    private long requests;
    private TokenCounts tokens = TokenCounts.NONE;
    private long reasoningTokens;
    private BigDecimal computed = BigDecimal.ZERO;
    private boolean computedPriced;
    private boolean unknownPrice;
    private BigDecimal reported;
    private BigDecimal cost = BigDecimal.ZERO;
    private boolean costKnown;
    private boolean costMissing;

    /** Adds a part of a cell, priced by the price book. */
    void add(UsagePart part, Priced priced) {
        requests += part.requests();
        tokens = tokens.plus(part.tokens());
        reasoningTokens += part.reasoningTokens();
        if (!part.tokens().none()) {
            if (priced.known()) {
                computed = computed.add(priced.amount());
                computedPriced = true;
            } else {
                unknownPrice = true;
            }
        }
        if (part.reported()) {
            reported = (reported == null ? BigDecimal.ZERO : reported).add(part.reportedCost());
        }
    }

    /** Closes a cell: its cost is what the provider reported, if it reported anything, else what was computed. */
    Tally settle() {
        BigDecimal value = reported != null ? reported : computed();
        if (value == null) {
            costMissing = true;
        } else {
            cost = value;
            costKnown = true;
        }
        return this;
    }

    /** Adds a settled cell (or group) to this group. */
    void add(Tally other) {
        requests += other.requests;
        tokens = tokens.plus(other.tokens);
        reasoningTokens += other.reasoningTokens;
        computed = computed.add(other.computed);
        computedPriced |= other.computedPriced;
        unknownPrice |= other.unknownPrice;
        if (other.reported != null) {
            reported = (reported == null ? BigDecimal.ZERO : reported).add(other.reported);
        }
        cost = cost.add(other.cost);
        costKnown |= other.costKnown;
        costMissing |= other.costMissing;
    }

    /** The cost, exact; null when none of it is known. */
    BigDecimal cost() {
        return costKnown || !costMissing ? cost : null;
    }

    /** The cost computed from the tokens by the price book, exact; null when none of it could be priced. */
    BigDecimal computed() {
        return computedPriced || !unknownPrice ? computed : null;
    }

    /** The sum of the costs providers reported, exact; null when none reported any. */
    BigDecimal reported() {
        return reported;
    }

    long requests() {
        return requests;
    }

    TokenCounts tokens() {
        return tokens;
    }

    long reasoningTokens() {
        return reasoningTokens;
    }

    /** Some tokens could not be priced (a model, tier or token kind the book has no price for). */
    boolean unknownPrice() {
        return unknownPrice;
    }
}
