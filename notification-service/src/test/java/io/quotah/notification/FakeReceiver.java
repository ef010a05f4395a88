package io.quotah.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A local HTTP endpoint standing in for SendGrid, Slack, Discord or a customer's webhook (the JDK's HttpServer on
 * 127.0.0.1 and a free port). It records every request and answers each path with the responses a test scripted
 * for it, in order, then with {@code 200}.
 */
public final class FakeReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Script> scripts = new CopyOnWriteArrayList<>();
    private volatile Answer fallback = new Answer(200, Map.of(), "ok");

    public FakeReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What every request to a path without a script gets. */
    public void answerByDefault(int status, String body) {
        fallback = new Answer(status, Map.of(), body);
    }

    /** The next requests to {@code path} get these answers, one each, in order. */
    public void script(String path, Answer... answers) {
        script(request -> request.path().equals(path), answers);
    }

    /** The next requests that {@code matches} get these answers, one each, in order. */
    public void script(Predicate<Received> matches, Answer... answers) {
        scripts.add(new Script(matches, new ArrayDeque<>(List.of(answers))));
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        String path = exchange.getRequestURI().getPath();
        Received request = new Received(exchange.getRequestMethod(), path, headers, body, at);
        received.add(request);
        Answer answer = fallback;
        synchronized (this) {
            for (Script script : scripts) {
                if (!script.answers().isEmpty() && script.matches().test(request)) {
                    answer = script.answers().poll();
                    break;
                }
            }
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Script(Predicate<Received> matches, Deque<Answer> answers) {
    }

    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer of(int status) {
            return new Answer(status, Map.of(), "");
        }

        public static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body);
        }
    }

    /** @param headers by name, case-insensitively */
    public record Received(String method, String path, Map<String, String> headers, String body, Instant at) {
    }
}
