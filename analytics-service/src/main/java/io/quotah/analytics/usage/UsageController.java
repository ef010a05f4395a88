package io.quotah.analytics.usage;

import io.quotah.analytics.connections.ConnectionDirectory;
import io.quotah.contracts.pricing.PriceBook;
import io.quotah.analytics.web.InvalidParameterException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's usage buckets, page by page (pages count from 0), by bucket start, then model. Only the caller's
 * workspace (the token's subject) is visible: another workspace's key simply matches nothing.
 */
@RestController
class UsageController {

    static final int DEFAULT_SIZE = 50;
    static final int LARGEST_SIZE = 500;

    private final UsageReader usage;
    private final ConnectionDirectory connections;
    private final PriceBook book;

    UsageController(UsageReader usage, ConnectionDirectory connections, PriceBook book) {
        this.usage = usage;
        this.connections = connections;
        this.book = book;
    }

    @GetMapping("/api/analytics/usage")
    UsagePage usage(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String model, @RequestParam(required = false) String keyId,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        UsageFilter filter = UsageFilter.parse(from, to, provider, model, keyId, Instant.now());
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE, "must be a whole number, 0 or more");
        int pageSize = number("size", size, DEFAULT_SIZE, 1, LARGEST_SIZE, "must be a whole number from 1 to "
                + LARGEST_SIZE);
        String workspace = jwt.getSubject();
        UsageReader.Page found = usage.page(workspace, filter, pageNumber, pageSize);
        Map<UUID, String> labels = connections.labels(workspace);
        List<UsageItem> items = found.rows().stream()
                .map(row -> UsageItem.of(row, labels.get(row.connectionId()), book))
                .toList();
        long totalPages = (found.totalItems() + pageSize - 1) / pageSize;
        return new UsagePage(items, pageNumber, pageSize, found.totalItems(), totalPages);
    }

    private static int number(String field, String value, int absent, int least, int most, String rule) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < least || number > most) {
                throw new InvalidParameterException(field, rule);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(field, rule);
        }
    }

    /** A page of usage buckets; {@code page} counts from 0. */
    record UsagePage(List<UsageItem> items, int page, int size, long totalItems, long totalPages) {
    }
}
