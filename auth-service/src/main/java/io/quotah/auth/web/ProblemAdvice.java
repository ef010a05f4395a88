package io.quotah.auth.web;

import io.quotah.auth.keycloak.DuplicateAccountException;
import io.quotah.auth.keycloak.PasswordRejectedException;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
