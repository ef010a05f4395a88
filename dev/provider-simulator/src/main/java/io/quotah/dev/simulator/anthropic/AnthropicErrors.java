package io.quotah.dev.simulator.anthropic;

import io.quotah.dev.simulator.http.Ids;
import io.quotah.dev.simulator.http.Json;
import io.quotah.dev.simulator.http.ResponseException;
import io.quotah.dev.simulator.http.SimResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic's error bodies: {@code {"type":"error","error":{"type","message"},"request_id"}}. */
final class AnthropicErrors {

    private AnthropicErrors() {
    }

    static String newRequestId() {
        return "req_011C" + Ids.base62(20);
    }

    static SimResponse error(int status, String type, String message, String requestId) {
        return SimResponse.json(status, body(type, message, requestId)).withHeader("request-id", requestId);
    }

    static ResponseException fail(int status, String type, String message, String requestId) {
        return new ResponseException(error(status, type, message, requestId));
    }

    static ResponseException invalidRequest(String message, String requestId) {
        return fail(400, "invalid_request_error", message, requestId);
    }

    static ResponseException authentication(String message, String requestId) {
        return fail(401, "authentication_error", message, requestId);
    }

    static ResponseException notFound(String message, String requestId) {
        return fail(404, "not_found_error", message, requestId);
    }

    /**
     * The spend-cap 429: a rate_limit_error by type, but with {@code details.error_code} and no retry-after,
     * because waiting does not help until the month (or the cap) changes.
     */
    static SimResponse spendCap(String requestId, Instant now) {
        LocalDate regain = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        ObjectNode body = body("rate_limit_error", "You have reached your specified API usage limits. "
                + "You will regain access on " + regain + " at 00:00 UTC.", requestId);
        ((ObjectNode) body.get("error")).putObject("details").put("error_code", "enforced_spend_limit_reached");
        return SimResponse.json(429, body).withHeader("request-id", requestId);
    }

    private static ObjectNode body(String type, String message, String requestId) {
        ObjectNode body = Json.object();
        body.put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        body.put("request_id", requestId);
        return body;
    }
}
