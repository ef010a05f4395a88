package io.quotah.dev.simulator.openai;

import io.quotah.dev.simulator.http.SimRequest;
import io.quotah.dev.simulator.usage.BucketWidth;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Query parameters of OpenAI's Admin endpoints, with OpenAI's 400 answers when they are wrong. */
final class OpenAiQuery {

    private final SimRequest request;
    private final String requestId;

    OpenAiQuery(SimRequest request, String requestId) {
        this.request = request;
        this.requestId = requestId;
    }

    int integer(String name, int defaultValue, int min, int max) {
        return request.queryParam(name).map(raw -> {
            try {
                int value = Integer.parseInt(raw);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // answered below, like an out-of-range value
            }
            throw invalid(name, "Invalid '" + name + "': expected an integer between " + min + " and " + max + ".");
        }).orElse(defaultValue);
    }

    /** Unix seconds. */
    Optional<Instant> epochSeconds(String name) {
        return request.queryParam(name).map(raw -> {
            try {
                return Instant.ofEpochSecond(Long.parseLong(raw));
            } catch (NumberFormatException e) {
                throw invalid(name, "Invalid '" + name + "': expected an integer (unix seconds).");
            }
        });
    }

    Instant requiredEpochSeconds(String name) {
        return epochSeconds(name).orElseThrow(() -> invalid(name, "Missing required parameter: '" + name + "'."));
    }

    BucketWidth bucketWidth(Set<BucketWidth> allowed) {
        String raw = request.queryParam("bucket_width").orElse(BucketWidth.DAY.id());
        return BucketWidth.parse(raw).filter(allowed::contains).orElseThrow(() -> invalid("bucket_width",
                "Invalid 'bucket_width': expected one of " + allowed.stream().map(BucketWidth::id).sorted().toList()
                        + "."));
    }

    /** Values of an array parameter, sent as {@code group_by=a&group_by=b} (or with {@code []}). */
    List<String> list(String name, Set<String> allowed) {
        List<String> values = request.queryParams(name, name + "[]");
        for (String value : values) {
            if (allowed != null && !allowed.contains(value)) {
                throw invalid(name, "Invalid '" + name + "': expected one of " + allowed.stream().sorted().toList()
                        + ", got '" + value + "'.");
            }
        }
        return values;
    }

    Optional<String> text(String name) {
        return request.queryParam(name);
    }

    RuntimeException invalid(String param, String message) {
        return OpenAiErrors.invalidRequest(message, param, null, requestId);
    }
}
