package io.quotah.dev.simulator.openai;

import io.quotah.dev.simulator.http.Ids;
import io.quotah.dev.simulator.http.Json;
import io.quotah.dev.simulator.http.ResponseException;
import io.quotah.dev.simulator.http.SimResponse;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI's error bodies: {@code {"error":{"message","type","param","code"}}}. */
final class OpenAiErrors {

    private OpenAiErrors() {
    }

    static String newRequestId() {
        return "req_" + Ids.hex(32);
    }

    static SimResponse error(int status, String message, String type, String param, String code, String requestId) {
        ObjectNode body = Json.object();
        body.putObject("error")
                .put("message", message)
                .put("type", type)
                .put("param", param)
                .put("code", code);
        return SimResponse.json(status, body).withHeader("x-request-id", requestId);
    }

    static ResponseException fail(int status, String message, String type, String param, String code,
                                  String requestId) {
        return new ResponseException(error(status, message, type, param, code, requestId));
    }

    static ResponseException invalidRequest(String message, String param, String code, String requestId) {
        return fail(400, message, "invalid_request_error", param, code, requestId);
    }
}
