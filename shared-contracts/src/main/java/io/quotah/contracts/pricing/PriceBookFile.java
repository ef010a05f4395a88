package io.quotah.contracts.pricing;

import io.quotah.contracts.events.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The price book as written in {@code pricebook/price-book.csv}: a {@code # version: ...} line, comment lines,
 * a header row and one row per model and effective-from day. A mistake in the file stops the service at start with
 * the line it is on, rather than pricing anything wrongly.
 *
 * @param sha256 the digest of the file's bytes: the same version must always mean the same prices
 */
public record PriceBookFile(String version, String sha256, List<PriceRow> rows) {

    /** The columns of the file's header line, in order. */
    public static final List<String> COLUMNS = List.of("provider", "model", "aliases", "effective_from", "input",
            "cache_write_5m", "cache_write_1h", "cache_read", "output", "batch_discount", "flex_discount");

    private static final Pattern VERSION = Pattern.compile("#\\s*version:\\s*(\\S+)\\s*");
    private static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9._:-]*");

    public PriceBookFile {
        rows = List.copyOf(rows);
    }

    /** Where the price book this release ships lies on the class path. */
    public static final String SHIPPED = "pricebook/price-book.csv";

    /** The price book this release ships. */
    public static PriceBookFile shipped() {
        try (InputStream in = PriceBookFile.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the class path");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SHIPPED, e);
        }
    }

    public static PriceBookFile parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String version = null;
        boolean header = false;
        List<PriceRow> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Map<String, String> names = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int index = 0; index < lines.length; index++) {
            int lineNumber = index + 1;
            String line = lines[index].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher matcher = VERSION.matcher(line);
                if (matcher.matches()) {
                    if (version != null) {
                        throw error(lineNumber, "a second version line");
                    }
                    version = matcher.group(1);
                }
                continue;
            }
            if (!header) {
                if (!Arrays.asList(line.split(",", -1)).equals(COLUMNS)) {
                    throw error(lineNumber, "the header must be " + String.join(",", COLUMNS));
                }
                header = true;
                continue;
            }
            PriceRow row = row(lineNumber, line);
            if (!keys.add(row.provider() + "|" + row.model() + "|" + row.effectiveFrom())) {
                throw error(lineNumber, row.model() + " has a second row effective from " + row.effectiveFrom());
            }
            claimName(names, lineNumber, row.provider(), row.model(), row.model());
            for (String alias : row.aliases()) {
                claimName(names, lineNumber, row.provider(), alias, row.model());
            }
            rows.add(row);
        }
        if (version == null) {
            throw new IllegalStateException("price book: no '# version: ...' line");
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("price book " + version + ": no prices");
        }
        return new PriceBookFile(version, sha256(bytes), rows);
    }

    private static PriceRow row(int lineNumber, String line) {
        if (line.indexOf('"') >= 0) {
            throw error(lineNumber, "quotes are not allowed");
        }
        String[] fields = line.split(",", -1);
        if (fields.length != COLUMNS.size()) {
            throw error(lineNumber, "expected " + COLUMNS.size() + " fields, found " + fields.length);
        }
        Provider provider;
        try {
            provider = Provider.valueOf(fields[0].strip());
        } catch (IllegalArgumentException e) {
            throw error(lineNumber, "unknown provider '" + fields[0] + "'");
        }
        String model = modelName(lineNumber, fields[1]);
        List<String> aliases = fields[2].isBlank() ? List.of()
                : Arrays.stream(fields[2].split("\\|")).map(alias -> modelName(lineNumber, alias)).toList();
        LocalDate effectiveFrom;
        try {
            effectiveFrom = LocalDate.parse(fields[3].strip());
        } catch (DateTimeParseException e) {
            throw error(lineNumber, "effective_from must be a date such as 2026-09-01, was '" + fields[3] + "'");
        }
        return new PriceRow(provider, model, aliases, effectiveFrom, price(lineNumber, 4, fields),
                price(lineNumber, 5, fields), price(lineNumber, 6, fields), price(lineNumber, 7, fields),
                price(lineNumber, 8, fields), discount(lineNumber, 9, fields), discount(lineNumber, 10, fields));
    }

    private static String modelName(int lineNumber, String value) {
        String name = value.strip();
        if (!MODEL.matcher(name).matches()) {
            throw error(lineNumber, "'" + value + "' is not a model id (lower case letters, digits, . _ : -)");
        }
        return name;
    }

    private static BigDecimal price(int lineNumber, int column, String[] fields) {
        BigDecimal value = number(lineNumber, column, fields);
        if (value != null && value.signum() < 0) {
            throw error(lineNumber, COLUMNS.get(column) + " must not be negative");
        }
        return value;
    }

    private static BigDecimal discount(int lineNumber, int column, String[] fields) {
        BigDecimal value = number(lineNumber, column, fields);
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0)) {
            throw error(lineNumber, COLUMNS.get(column) + " must be a share between 0 and 1, such as 0.50");
        }
        return value;
    }

    private static BigDecimal number(int lineNumber, int column, String[] fields) {
        String value = fields[column].strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw error(lineNumber, COLUMNS.get(column) + " must be a decimal number, was '" + value + "'");
        }
    }

    /** A name (model id or alias) may stand for one model of a provider only. */
    private static void claimName(Map<String, String> names, int lineNumber, Provider provider, String name,
            String model) {
        String previous = names.putIfAbsent(provider + "|" + name.toLowerCase(Locale.ROOT), model);
        if (previous != null && !previous.equals(model)) {
            throw error(lineNumber, "'" + name + "' already names " + previous);
        }
    }

    private static IllegalStateException error(int lineNumber, String message) {
        return new IllegalStateException("price book line " + lineNumber + ": " + message);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
