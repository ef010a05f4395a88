package io.quotah.analytics.cost;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quotah.analytics.web.InvalidParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a cost breakdown is grouped by. A key is a watched connection (its id and label). */
public enum GroupBy {
    PROVIDER,
    MODEL,
    KEY,
    DAY;

    @JsonValue
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code groupBy} (comma-separated, in order, repeats ignored); null or blank is the default. */
    public static List<GroupBy> parse(String value, List<GroupBy> absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        List<GroupBy> groups = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String name = part.strip();
            GroupBy group = Arrays.stream(values()).filter(candidate -> candidate.parameter().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new InvalidParameterException("groupBy", "must be one or more of "
                            + Arrays.stream(values()).map(GroupBy::parameter).collect(Collectors.joining(", "))
                            + ", separated by commas; '" + name + "' is not one"));
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        return List.copyOf(groups);
    }
}
