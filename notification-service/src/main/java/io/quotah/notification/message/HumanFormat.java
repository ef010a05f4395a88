package io.quotah.notification.message;

import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Unit;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.serde.PlainDecimals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How figures read in a message: money as {@code $412.50}, percents as {@code 85.3 %}, times in UTC. */
public final class HumanFormat {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HumanFormat() {
    }

    /** A value in its unit; a value without a unit as a plain decimal. */
    public static String amount(BigDecimal value, Unit unit) {
        if (value == null) {
            return null;
        }
        if (unit == null) {
            return PlainDecimals.trimmed(value).toPlainString();
        }
        return switch (unit) {
            case USD -> money(value);
            case PERCENT -> PlainDecimals.trimmed(value.setScale(1, RoundingMode.HALF_UP)).toPlainString() + " %";
            case SECONDS -> duration(value);
            case RATIO -> PlainDecimals.trimmed(value.setScale(2, RoundingMode.HALF_UP)).toPlainString() + "×";
        };
    }

    /** Dollars with cents, and more decimals only where the amount has them (up to four): $0.0042. */
    public static String money(BigDecimal value) {
        int scale = Math.max(2, Math.min(4, value.stripTrailingZeros().scale()));
        String digits = value.abs().setScale(scale, RoundingMode.HALF_UP).toPlainString();
        return (value.signum() < 0 ? "-$" : "$") + digits;
    }

    public static String instant(Instant instant) {
        return instant == null ? null : UTC.format(instant);
    }

    public static String provider(Provider provider) {
        if (provider == null) {
            return null;
        }
        return switch (provider) {
            case ANTHROPIC -> "Anthropic";
            case OPENAI -> "OpenAI";
            case GEMINI -> "Gemini";
            case COHERE -> "Cohere";
        };
    }

    public static String kind(AlertKind kind) {
        return switch (kind) {
            case RATE_LIMIT -> "Rate limit";
            case EXHAUSTION_FORECAST -> "Exhaustion forecast";
            case BUDGET -> "Budget";
            case SPEND_SPIKE -> "Spend spike";
            case KEY_PROBLEM -> "Key problem";
        };
    }

    /** A window kind as a word ({@code INPUT_TOKENS} reads "Input tokens"); anything else (a period) as given. */
    public static String window(String window) {
        if (window == null || !window.matches("[A-Z][A-Z0-9_]*")) {
            return window;
        }
        String words = window.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String duration(BigDecimal seconds) {
        long total = seconds.setScale(0, RoundingMode.HALF_UP).longValue();
        if (total < 60) {
            return total + " s";
        }
        Duration duration = Duration.ofSeconds(total);
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        if (hours == 0) {
            int secondsPart = duration.toSecondsPart();
            return minutes + " min" + (secondsPart == 0 ? "" : " " + secondsPart + " s");
        }
        return hours + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }

}
