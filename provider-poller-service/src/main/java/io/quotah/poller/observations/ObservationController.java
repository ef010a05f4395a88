package io.quotah.poller.observations;

import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Passive observations of the caller's own traffic, for a key of the caller's workspace. */
@RestController
class ObservationController {

    private final Observations observations;

    ObservationController(Observations observations) {
        this.observations = observations;
    }

    @PostMapping("/api/api-keys/{id}/observations")
    ResponseEntity<Observations.Accepted> observe(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id,
            @Valid @RequestBody Observation observation) {
        return ResponseEntity.accepted().body(observations.record(caller.getSubject(), id, observation));
    }
}
