package io.quotah.poller.connections;

import io.quotah.contracts.events.Provider;
import io.quotah.poller.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API keys a workspace watches. The workspace is the caller's (until teams land, the account's id). */
@RestController
@RequestMapping("/api/api-keys")
class ApiKeyController {

    private final Connections connections;
    private final Clock clock;

    ApiKeyController(Connections connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    @GetMapping
    List<ApiKeyView> list(@AuthenticationPrincipal Jwt caller) {
        return connections.list(caller.getSubject()).stream().map(c -> ApiKeyView.of(c, clock.instant())).toList();
    }

    @GetMapping("/{id}")
    ApiKeyView get(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        return connections.find(caller.getSubject(), id).map(c -> ApiKeyView.of(c, clock.instant()))
                .orElseThrow(ApiKeyController::notFound);
    }

    @PostMapping
    ResponseEntity<ApiKeyView> add(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody NewKey request) {
        Connection added = connections.add(caller.getSubject(), request.provider(), request.label().trim(),
                request.key().trim(), blankToNull(request.adminKey()), Boolean.TRUE.equals(request.probing()),
                request.pollIntervalSeconds() == null ? 60 : request.pollIntervalSeconds());
        return ResponseEntity.created(URI.create("/api/api-keys/" + added.id()))
                .body(ApiKeyView.of(added, clock.instant()));
    }

    @PatchMapping("/{id}")
    ApiKeyView update(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id,
            @Valid @RequestBody KeyChanges changes) {
        return connections.update(caller.getSubject(), id, changes.label() == null ? null : changes.label().trim(),
                        changes.probing(), changes.pollIntervalSeconds())
                .map(c -> ApiKeyView.of(c, clock.instant()))
                .orElseThrow(ApiKeyController::notFound);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        if (!connections.remove(caller.getSubject(), id)) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This workspace watches no key with that id");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    record NewKey(
            @NotNull(message = "is required: ANTHROPIC or OPENAI") Provider provider,
            @NotBlank(message = "is required") @Size(max = 80, message = "is at most 80 characters") String label,
            @NotBlank(message = "is required") @Size(max = 400, message = "is too long for a key") String key,
            @Size(max = 400, message = "is too long for a key") String adminKey,
            Boolean probing,
            @Min(value = 30, message = "is at least 30 seconds") @Max(value = 86400, message = "is at most a day")
            Integer pollIntervalSeconds) {

        /** Never in a log line or an error message. */
        @Override
        public String toString() {
            return "NewKey[provider=" + provider + ", label=" + label + "]";
        }
    }

    record KeyChanges(
            @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 80, message = "is at most 80 characters")
            String label,
            Boolean probing,
            @Min(value = 30, message = "is at least 30 seconds") @Max(value = 86400, message = "is at most a day")
            Integer pollIntervalSeconds) {
    }
}
