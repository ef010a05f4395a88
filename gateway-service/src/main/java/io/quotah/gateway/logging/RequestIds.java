package io.quotah.gateway.logging;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id ({@value #HEADER}: the caller's, if it is a sane one, else a new one), passes it
 * to the service and back to the caller, and logs one line per API request with it, so a user's report
 * and every service's log lines can be matched up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestIds implements WebFilter {

    static final String HEADER = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger("io.quotah.gateway.access");
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ServerWebExchange tagged = exchange.mutate()
                .request(exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build())
                .build();
        tagged.getResponse().getHeaders().set(HEADER, id);
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(tagged);
        }
        long start = System.nanoTime();
        return chain.filter(tagged).doFinally(signal -> log.info("requestId={} {} {} -> {} in {} ms", id,
                exchange.getRequest().getMethod(), path, tagged.getResponse().getStatusCode(),
                (System.nanoTime() - start) / 1_000_000));
    }
}
