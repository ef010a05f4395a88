package io.quotah.gateway.ratelimit;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** A 429 tells the client when to come back: buckets refill every second, so one second is the honest answer. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetryAfterOnTooManyRequests implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            if (HttpStatus.TOO_MANY_REQUESTS.equals(exchange.getResponse().getStatusCode())) {
                exchange.getResponse().getHeaders().set("Retry-After", "1");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
