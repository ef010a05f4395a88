package io.quotah.alert.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The calendar span a budget covers, in UTC. */
public enum BudgetPeriod {
    MONTH,
    DAY;

    /** The start of the period that holds {@code now}. */
    public Instant start(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (this) {
            case MONTH -> day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            case DAY -> day.atStartOfDay(ZoneOffset.UTC).toInstant();
        };
    }

    /** The end (exclusive) of the period that holds {@code now}. */
    public Instant end(Instant now) {
        LocalDate first = LocalDate.ofInstant(start(now), ZoneOffset.UTC);
        return (this == MONTH ? first.plusMonths(1) : first.plusDays(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** How the period is named in an alert: {@code 2026-12} or {@code 2026-12-01}. */
    public String name(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return this == MONTH ? YearMonth.from(day).toString() : day.toString();
    }
}
