package io.quotah.analytics.headroom;

import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every key of the caller's workspace and how close it is to its rate limits; the workspace is the token's subject. */
@RestController
class HeadroomController {

    private final HeadroomBoard board;

    HeadroomController(HeadroomBoard board) {
        this.board = board;
    }

    @GetMapping("/api/multi/rate-limits")
    RateLimitsView rateLimits(@AuthenticationPrincipal Jwt jwt) {
        return board.view(jwt.getSubject(), Instant.now());
    }
}
