package io.quotah.analytics.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Errors as RFC 9457 problem+json. A bad parameter names itself and what is wrong, in
 * {@code errors: [{field, message}]}, the same shape as every Quotah service.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalid(InvalidParameterException e) {
        return badRequest(e.field(), e.getMessage());
    }

    /** A path or query value of the wrong type, such as a key id that is not a UUID. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mistyped(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return badRequest(e.getName(), "must be a " + expected);
    }

    /** The live headroom is answered from Redis alone; without it the answer is "try again", not a crash. */
    @ExceptionHandler(JedisConnectionException.class)
    ProblemDetail redisUnavailable(JedisConnectionException e) {
        log.warn("Redis is unreachable: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The live rate-limit state is unavailable for a moment; try again shortly");
    }

    private static ProblemDetail badRequest(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
