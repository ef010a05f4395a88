package io.quotah.poller.usage;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Usage records from a customer's own code, in batches, for the caller's workspace. */
@RestController
class UsageIngestController {

    private final UsageIngest ingest;

    UsageIngestController(UsageIngest ingest) {
        this.ingest = ingest;
    }

    @PostMapping("/api/usage/events")
    UsageIngest.Answer ingest(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody UsageBatch batch) {
        return ingest.ingest(caller.getSubject(), batch.events());
    }
}
