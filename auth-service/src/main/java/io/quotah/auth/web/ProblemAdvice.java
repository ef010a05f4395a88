package io.quotah.auth.web;

import io.quotah.auth.keycloak.DuplicateAccountException;
import io.quotah.auth.keycloak.KeycloakUnavailableException;
import io.quotah.auth.keycloak.PasswordRejectedException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors as RFC 9457 problem+json. A validation failure names each field that is wrong and the rule it
 * breaks, in {@code errors: [{field, message}]}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", fieldName(error.getField()), "message",
                        String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
                .map(error -> error.get("field") + " " + error.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("The request is not valid"));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Keycloak away or failing: try again shortly; never a 500 for a dependency's fault. */
    @ExceptionHandler(KeycloakUnavailableException.class)
    ResponseEntity<ProblemDetail> keycloakUnavailable(KeycloakUnavailableException e) {
        log.warn("{}: {}", e.getMessage(), e.getCause() == null ? "" : e.getCause().toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Accounts are unavailable for a moment; try again in a few seconds");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(DuplicateAccountException.class)
    ProblemDetail duplicate(DuplicateAccountException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(PasswordRejectedException.class)
    ProblemDetail weakPassword(PasswordRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "password: " + e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "password", "message", e.getMessage())));
        return problem;
    }

    /** A class-level check such as "password is not the email" reports against the field it is about. */
    private static String fieldName(String field) {
        return field.equals("passwordNotTheEmail") ? "password" : field;
    }
}
