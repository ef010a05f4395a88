package io.quotah.dev.simulator.control;

import io.quotah.dev.simulator.bucket.BucketState;
import io.quotah.dev.simulator.bucket.LimitWindow;
import io.quotah.dev.simulator.http.Json;
import io.quotah.dev.simulator.http.ResponseException;
import io.quotah.dev.simulator.http.Router;
import io.quotah.dev.simulator.http.SimRequest;
import io.quotah.dev.simulator.http.SimResponse;
import io.quotah.dev.simulator.keys.KeyRegistry;
import io.quotah.dev.simulator.scenario.Fault;
import io.quotah.dev.simulator.scenario.KeySpec;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code /_sim} HTTP API over {@link SimulatorControl}, for a simulator running as its own process. */
public final class ControlRoutes {

    private ControlRoutes() {
    }

    public static void register(Router router, String prefix, SimulatorControl control) {
        router.add("GET", prefix + "/health", request -> SimResponse.json(200, Json.object().put("status", "UP")))
                .add("GET", prefix + "/state", request -> SimResponse.json(200, stateJson(control.state())))
                .add("GET", prefix + "/usage", request -> SimResponse.json(200, Json.toTree(control.usage())))
                .add("POST", prefix + "/keys/{key}/drain", request -> handle(() -> {
                    JsonNode percent = body(request).path("percent");
                    if (!percent.isNumber()) {
                        throw new IllegalArgumentException("body needs {\"percent\": 0..100}");
                    }
                    control.drain(request.pathParam("key"), percent.asDouble());
                    return SimResponse.empty(204);
                }))
                .add("POST", prefix + "/keys/{key}/fault", request -> handle(() -> {
                    control.fault(request.pathParam("key"), Json.read(body(request), Fault.class));
                    return SimResponse.empty(204);
                }))
                .add("POST", prefix + "/keys", request -> handle(() -> {
                    KeySpec spec = Json.read(body(request), KeySpec.class);
                    control.addKey(spec);
                    return SimResponse.json(201, Json.object().put("id", spec.id()));
                }))
                .add("POST", prefix + "/usage/revise", request -> handle(() -> SimResponse.json(200,
                        Json.toTree(control.reviseUsage(Json.read(body(request), UsageRevision.class))))))
                .add("POST", prefix + "/background/run", request -> SimResponse.json(200,
                        Json.object().put("sent", control.runBackgroundTraffic())))
                .add("POST", prefix + "/reset", request -> {
                    control.reset();
                    return SimResponse.empty(204);
                })
                .fallback(prefix + "/", request -> problem(404, "no such control path: " + request.method() + " "
                        + request.path()));
    }

    static ObjectNode stateJson(SimulatorState state) {
        ObjectNode body = Json.object();
        body.put("now", state.now().toString());
        var keys = body.putArray("keys");
        for (KeyState key : state.keys()) {
            ObjectNode node = keys.addObject();
            node.put("provider", key.provider().id());
            node.put("key", key.key());
            node.put("id", key.id());
            node.put("name", key.name());
            node.set("fault", Json.toTree(key.fault()));
            ObjectNode limits = node.putObject("limits");
            key.limits().forEach((modelClass, windows) -> windows(limits.putObject(modelClass), windows));
            if (!key.countTokens().isEmpty()) {
                windows(node.putObject("countTokens"), key.countTokens());
            }
        }
        return body;
    }

    private static void windows(ObjectNode node, Map<LimitWindow, BucketState> windows) {
        windows.forEach((window, state) -> node.putObject(window.id())
                .put("limit", state.limit())
                .put("remaining", state.remaining())
                .put("fullAt", state.fullAt().toString())
                .put("untilFullMillis", state.untilFull().toMillis()));
    }

    private static SimResponse handle(Supplier<SimResponse> action) {
        try {
            return action.get();
        } catch (NoSuchElementException e) {
            return problem(404, e.getMessage());
        } catch (KeyRegistry.KeyConflictException e) {
            return problem(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            return problem(400, e.getMessage());
        } catch (JacksonException e) {
            // a scenario rule broken inside a record's constructor reaches us wrapped
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            return problem(400, cause instanceof JacksonException jackson ? jackson.getOriginalMessage()
                    : cause.getMessage());
        }
    }

    private static JsonNode body(SimRequest request) {
        JsonNode body = Json.parse(request.body());
        if (body == null || !body.isObject()) {
            throw new ResponseException(problem(400, "the body must be a JSON object"));
        }
        return body;
    }

    private static SimResponse problem(int status, String message) {
        return SimResponse.json(status, Json.object().put("error", message));
    }
}
