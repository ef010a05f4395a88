package io.quotah.poller.provider;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A provider response's headers, looked up without regard to case, as HTTP means them. */
public final class ResponseHeaders {

    private final Map<String, String> values;

    private ResponseHeaders(Map<String, String> values) {
        this.values = values;
    }

    /** From single values, e.g. the headers a customer's code posted as an observation. */
    public static ResponseHeaders of(Map<String, String> headers) {
        Map<String, String> values = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                values.put(name.toLowerCase(Locale.ROOT), value.trim());
            }
        });
        return new ResponseHeaders(values);
    }

    /** From an HTTP client's headers; where a header repeats, the first value counts. */
    public static ResponseHeaders ofLists(Map<String, List<String>> headers) {
        Map<String, String> values = new TreeMap<>();
        headers.forEach((name, list) -> {
            if (name != null && list != null && !list.isEmpty()) {
                values.put(name.toLowerCase(Locale.ROOT), list.getFirst().trim());
            }
        });
        return new ResponseHeaders(values);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name.toLowerCase(Locale.ROOT))).filter(value -> !value.isEmpty());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
