package io.quotah.dev.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK's HTTP server on virtual threads (one per request, so a slow fault never blocks others). */
public final class SimHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SimHttpServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;

    private SimHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static SimHttpServer start(String host, int port, Router.Handler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            server.createContext("/", exchange -> serve(exchange, handler));
            server.start();
            return new SimHttpServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private static void serve(HttpExchange exchange, Router.Handler handler) throws IOException {
        try (exchange) {
            SimResponse response;
            try {
                response = handler.handle(toRequest(exchange));
            } catch (ResponseException e) {
                response = e.response();
            } catch (RuntimeException e) {
                // a simulator bug must be visible to the caller, not turned into a hang
                LOG.log(System.Logger.Level.ERROR, "request failed: " + exchange.getRequestURI().getPath(), e);
                response = SimResponse.json(500, Json.object().put("error", "simulator failure: " + e));
            }
            write(exchange, response);
        }
    }

    private static SimRequest toRequest(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new SimRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                parseQuery(exchange.getRequestURI().getRawQuery()), headers, body, Map.of());
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void write(HttpExchange exchange, SimResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean noBody = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
