package io.quotah.gateway.dashboard;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The dashboard routes in the browser: a page address such as {@code /analytics} is answered with
 * {@code index.html}, whose script then shows the right page. API, actuator and file requests pass as they are.
 */
@Component
class SinglePageFallback implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (exchange.getRequest().getMethod() != HttpMethod.GET || !isPage(path)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(exchange.getRequest().mutate().path("/index.html").build())
                .build());
    }

    static boolean isPage(String path) {
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")
                || path.startsWith("/webjars/") || path.startsWith("/swagger-ui")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
