package io.quotah.alert.rules;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The caller's alert rules. Another workspace's rule is not found, never forbidden. */
@RestController
@RequestMapping("/api/alerts/configs")
class RuleController {

    private final Rules rules;

    RuleController(Rules rules) {
        this.rules = rules;
    }

    @GetMapping
    List<RuleView> list(@AuthenticationPrincipal Jwt caller) {
        return rules.list(caller.getSubject()).stream().map(RuleView::of).toList();
    }

    @GetMapping("/{id}")
    RuleView get(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        return rules.find(caller.getSubject(), id).map(RuleView::of).orElseThrow(RuleController::notFound);
    }

    @PostMapping
    ResponseEntity<RuleView> create(@AuthenticationPrincipal Jwt caller, @RequestBody RuleInput input) {
        Rules.Made made = rules.create(caller.getSubject(), input);
        return ResponseEntity.created(URI.create("/api/alerts/configs/" + made.rule().id()))
                .body(RuleView.of(made.rule(), made.newSecrets()));
    }

    @PutMapping("/{id}")
    RuleView replace(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id, @RequestBody RuleInput input) {
        return rules.replace(caller.getSubject(), id, input).map(made -> RuleView.of(made.rule(), made.newSecrets()))
                .orElseThrow(RuleController::notFound);
    }

    @PatchMapping("/{id}")
    RuleView change(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id, @RequestBody RuleChanges changes) {
        return rules.change(caller.getSubject(), id, changes)
                .map(made -> RuleView.of(made.rule(), made.newSecrets()))
                .orElseThrow(RuleController::notFound);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        if (!rules.delete(caller.getSubject(), id)) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "This workspace has no alert rule with that id");
    }
}
