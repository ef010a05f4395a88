package io.quotah.poller.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem+json bad input is answered with. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail badRequest(String field, String message) {
        return badRequest(List.of(Map.of("field", field, "message", message)));
    }

    static ProblemDetail badRequest(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
                .map(error -> error.get("field") + " " + error.get("message"))
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }
}
