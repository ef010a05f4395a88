package io.quotah.dev.simulator.anthropic;

import io.quotah.dev.simulator.http.SimRequest;
import io.quotah.dev.simulator.usage.BucketWidth;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Query parameters of Anthropic's endpoints, with Anthropic's 400 answers when they are wrong. */
final class AnthropicQuery {

    private final SimRequest request;
    private final String requestId;

    AnthropicQuery(SimRequest request, String requestId) {
        this.request = request;
        this.requestId = requestId;
    }

    int integer(String name, int defaultValue, int min, int max) {
        String raw = request.queryParam(name).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range value
        }
        throw AnthropicErrors.invalidRequest(name + ": Input should be an integer between " + min + " and " + max,
                requestId);
    }

    Instant requiredInstant(String name) {
        return instant(name).orElseThrow(() -> AnthropicErrors.invalidRequest(name + ": Field required", requestId));
    }

    Optional<Instant> instant(String name) {
        return request.queryParam(name).map(raw -> {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException e) {
                throw AnthropicErrors.invalidRequest(name + ": Input should be a valid RFC 3339 datetime", requestId);
            }
        });
    }

    BucketWidth bucketWidth(BucketWidth defaultWidth, Set<BucketWidth> allowed) {
        String raw = request.queryParam("bucket_width").orElse(defaultWidth.id());
        return BucketWidth.parse(raw).filter(allowed::contains).orElseThrow(() -> AnthropicErrors.invalidRequest(
                "bucket_width: Input should be one of " + allowed.stream().map(BucketWidth::id).sorted().toList(),
                requestId));
    }

    /** Values of an array parameter, e.g. {@code group_by[]=model}; the plain name is accepted too. */
    List<String> list(String name, Set<String> allowed) {
        List<String> values = request.queryParams(name + "[]", name);
        for (String value : values) {
            if (allowed != null && !allowed.contains(value)) {
                throw AnthropicErrors.invalidRequest(name + "[]: Input should be one of " + allowed.stream().sorted().toList(),
                        requestId);
            }
        }
        return values;
    }

    Optional<String> text(String name) {
        return request.queryParam(name);
    }
}
