package io.quotah.alert.history;

import io.quotah.alert.web.InvalidParameterException;
import io.quotah.contracts.events.AlertRaised.AlertState;
import io.quotah.contracts.events.AlertRaised.Severity;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The caller's alert history, its acknowledgement, and the count the bell shows. */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

    static final int DEFAULT_SIZE = 20;
    static final int LARGEST_SIZE = 100;

    private final AlertHistory history;
    private final Clock clock;

    AlertController(AlertHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @GetMapping
    AlertHistory.Page list(@AuthenticationPrincipal Jwt caller, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String state, @RequestParam(required = false) String acknowledged,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return history.page(caller.getSubject(), option("severity", severity, Severity.class),
                option("state", state, AlertState.class), flag("acknowledged", acknowledged),
                number("page", page, 0, 0, 1_000_000), number("size", size, DEFAULT_SIZE, 1, LARGEST_SIZE));
    }

    @GetMapping("/{id}")
    Alert get(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        return history.find(caller.getSubject(), id).orElseThrow(AlertController::notFound);
    }

    @PostMapping("/{id}/acknowledge")
    Alert acknowledge(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        return history.acknowledge(caller.getSubject(), id, clock.instant()).orElseThrow(AlertController::notFound);
    }

    @PostMapping("/acknowledge-all")
    Map<String, Integer> acknowledgeAll(@AuthenticationPrincipal Jwt caller) {
        return Map.of("acknowledged", history.acknowledgeAll(caller.getSubject(), clock.instant()));
    }

    @GetMapping("/unacknowledged-count")
    Map<String, Long> unacknowledgedCount(@AuthenticationPrincipal Jwt caller) {
        return Map.of("count", history.unacknowledged(caller.getSubject()));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "This workspace has no alert with that id");
    }

    private static <E extends Enum<E>> E option(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(field, "is one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(field, "is true or false");
        };
    }

    private static int number(String field, String value, int fallback, int least, int most) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= least && parsed <= most) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other wrong number
        }
        throw new InvalidParameterException(field, "is a whole number from " + least + " to " + most);
    }
}
