package io.quotah.alert.rules;

/** What can go wrong with a watched key that a person must fix. */
public enum KeyProblem {
    /** The provider refuses the key. */
    INVALID,
    /** The account is out of money or quota: a spend cap or {@code insufficient_quota}. */
    OUT_OF_QUOTA,
    /** No probe of the key answered for three polling intervals (keys Quotah does not probe are never stale). */
    STALE
}
