package io.quotah.contracts.events;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/** An amount of money, exact: travels as a decimal string, never as a binary float. */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public Money {
        requireNonNull(amount, "amount");
        requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD, was " + currency);
        }
    }

    public static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }
}
