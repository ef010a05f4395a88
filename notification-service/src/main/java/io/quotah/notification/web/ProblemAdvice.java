package io.quotah.notification.web;

import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad input to the JSON API as RFC 9457 problem+json naming the wrong field, the shape every Quotah service
 * answers with. (The unsubscribe pages answer people, in HTML, on their own.)
 */
@RestControllerAdvice(assignableTypes = DeliveryController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ProblemAdvice {

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return Problems.badRequest(e.getParameterName(), "is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongType(MethodArgumentTypeMismatchException e) {
        return Problems.badRequest(e.getName(), e.getRequiredType() == UUID.class ? "is not a valid id"
                : "has a value of the wrong type");
    }
}
