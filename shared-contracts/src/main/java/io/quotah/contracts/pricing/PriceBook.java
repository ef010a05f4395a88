package io.quotah.contracts.pricing;

import io.quotah.contracts.events.Provider;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prices usage is costed at: per provider, model and UTC day, per token kind, with the batch and flex
 * discounts. Anthropic: uncached input, 5-minute writes, 1-hour writes (never at the 5-minute price), cache reads
 * and output each at their own price; OpenAI: uncached input, cached input, output. The batch (and flex) discount
 * comes off every kind, on top of the cache prices. What the book does not know is UNKNOWN, never 0. Exact: no
 * rounding happens here.
 */
public final class PriceBook {

    /** Anthropic names snapshots {@code <model>-YYYYMMDD} and prices a snapshot as its model. */
    private static final Pattern ANTHROPIC_SNAPSHOT = Pattern.compile("(.+)-\\d{8}");

    private final String version;
    private final Map<Provider, Map<String, List<PriceRow>>> prices = new EnumMap<>(Provider.class);
    private final Map<Provider, Map<String, String>> aliases = new EnumMap<>(Provider.class);

    private PriceBook(String version, List<PriceRow> rows) {
        this.version = version;
        for (PriceRow row : rows) {
            prices.computeIfAbsent(row.provider(), provider -> new HashMap<>())
                    .computeIfAbsent(row.model(), model -> new ArrayList<>()).add(row);
            for (String alias : row.aliases()) {
                aliases.computeIfAbsent(row.provider(), provider -> new HashMap<>())
                        .put(alias.toLowerCase(Locale.ROOT), row.model());
            }
        }
        prices.values().forEach(models -> models.replaceAll((model, list) -> list.stream()
                .sorted(Comparator.comparing(PriceRow::effectiveFrom)).toList()));
    }

    public static PriceBook of(String version, List<PriceRow> rows) {
        return new PriceBook(version, rows);
    }

    public String version() {
        return version;
    }

    /**
     * The book's id of a model as a provider reported it (a dated snapshot or an alias), or the reported name itself
     * (trimmed) when the book does not know it.
     */
    public String canonicalModel(Provider provider, String reported) {
        String name = reported.strip();
        String key = name.toLowerCase(Locale.ROOT);
        Map<String, List<PriceRow>> models = prices.getOrDefault(provider, Map.of());
        if (models.containsKey(key)) {
            return key;
        }
        String alias = aliases.getOrDefault(provider, Map.of()).get(key);
        if (alias != null) {
            return alias;
        }
        if (provider == Provider.ANTHROPIC) {
            Matcher snapshot = ANTHROPIC_SNAPSHOT.matcher(key);
            if (snapshot.matches() && models.containsKey(snapshot.group(1))) {
                return snapshot.group(1);
            }
        }
        return name;
    }

    /** The prices of a model (by any of its names) in effect on a UTC day. */
    public Optional<PriceRow> priceOn(Provider provider, String model, LocalDate day) {
        List<PriceRow> rows = prices.getOrDefault(provider, Map.of()).get(canonicalModel(provider, model));
        if (rows == null) {
            return Optional.empty();
        }
        PriceRow found = null;
        for (PriceRow row : rows) {
            if (!row.effectiveFrom().isAfter(day)) {
                found = row;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * What {@code tokens} of {@code model} in {@code serviceTier} cost on {@code day}, exactly. No tokens cost
     * nothing whatever the model; a model, tier or token kind without a price is UNKNOWN.
     */
    public Priced price(Provider provider, String model, String serviceTier, LocalDate day, TokenCounts tokens) {
        if (tokens.none()) {
            return Priced.NOTHING;
        }
        Optional<PriceRow> found = priceOn(provider, model, day);
        if (found.isEmpty()) {
            return Priced.unknown("no price for " + provider + " model " + model + " on " + day);
        }
        PriceRow row = found.get();
        BigDecimal share = tierShare(row, serviceTier);
        if (share == null) {
            return Priced.unknown("no price for the " + serviceTier + " tier of " + row.model());
        }
        BigDecimal perMillion = BigDecimal.ZERO;
        for (Charge charge : List.of(new Charge(tokens.input(), row.input(), "input"),
                new Charge(tokens.cacheWrite5m(), row.cacheWrite5m(), "5-minute cache write"),
                new Charge(tokens.cacheWrite1h(), row.cacheWrite1h(), "1-hour cache write"),
                new Charge(tokens.cacheRead(), row.cacheRead(), "cache read"),
                new Charge(tokens.output(), row.output(), "output"))) {
            if (charge.tokens() == 0) {
                continue;
            }
            if (charge.perMillion() == null) {
                return Priced.unknown("no " + charge.kind() + " price for " + row.model());
            }
            perMillion = perMillion.add(charge.perMillion().multiply(BigDecimal.valueOf(charge.tokens())));
        }
        return Priced.known(perMillion.multiply(share).movePointLeft(6));
    }

    private record Charge(long tokens, BigDecimal perMillion, String kind) {
    }

    /** The share of the list price a tier pays: 1 for standard, 1 - discount for batch and flex, null if unknown. */
    private static BigDecimal tierShare(PriceRow row, String serviceTier) {
        String tier = serviceTier == null ? "" : serviceTier.strip().toLowerCase(Locale.ROOT);
        return switch (tier) {
            case "", "standard", "default", "auto" -> BigDecimal.ONE;
            case "batch" -> row.batchDiscount() == null ? null : BigDecimal.ONE.subtract(row.batchDiscount());
            case "flex" -> row.flexDiscount() == null ? null : BigDecimal.ONE.subtract(row.flexDiscount());
            // priority (and any tier the book has no prices for) is billed differently: unknown, not standard
            default -> null;
        };
    }
}
