package io.quotah.poller.connections;

import io.quotah.poller.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What the API Keys endpoints answer when a key cannot be taken. */
@RestControllerAdvice(assignableTypes = ApiKeyController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiKeyErrors {

    @ExceptionHandler(InvalidKeyException.class)
    ProblemDetail wrongFormat(InvalidKeyException e) {
        return Problems.badRequest(e.field(), e.getMessage());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "This workspace already watches that key");
    }
}
