package io.quotah.alert.evaluation;

import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.contracts.serde.PlainDecimals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/** How alerts say things to a person: windows in words, money in dollars and cents, percents to a tenth. */
final class Wording {

    private Wording() {
    }

    static String window(WindowKind kind) {
        return switch (kind) {
            case REQUESTS -> "requests per minute";
            case TOKENS -> "tokens per minute";
            case INPUT_TOKENS -> "input tokens per minute";
            case OUTPUT_TOKENS -> "output tokens per minute";
            case PRIORITY_INPUT_TOKENS -> "priority input tokens per minute";
            case PRIORITY_OUTPUT_TOKENS -> "priority output tokens per minute";
            case FAST_INPUT_TOKENS -> "fast input tokens per minute";
            case FAST_OUTPUT_TOKENS -> "fast output tokens per minute";
            case PROJECT_TOKENS -> "project tokens per minute";
            case REQUESTS_PER_DAY -> "requests per day";
            case BATCH_INPUT_TOKENS_PER_DAY -> "batch input tokens per day";
        };
    }

    /** A key by its label, or by the start of its id when no label is known yet. */
    static String key(String label, Provider provider, UUID connectionId) {
        String name = label != null && !label.isBlank() ? label : "key " + connectionId.toString().substring(0, 8);
        return provider == null ? name : name + " (" + provider(provider) + ")";
    }

    static String provider(Provider provider) {
        return switch (provider) {
            case ANTHROPIC -> "Anthropic";
            case OPENAI -> "OpenAI";
            default -> provider.name().charAt(0) + provider.name().substring(1).toLowerCase(Locale.ROOT);
        };
    }

    static String percent(BigDecimal value) {
        return PlainDecimals.trimmed(value.setScale(1, RoundingMode.DOWN)).toPlainString() + " %";
    }

    /** Dollars to the cent, and to the tenth of a cent below a dollar so small budgets still read. */
    static String usd(BigDecimal value) {
        int scale = value.abs().compareTo(BigDecimal.ONE) < 0 && value.signum() != 0 ? 4 : 2;
        return "$" + value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    static String minutes(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 90) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes < 120 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }

}
