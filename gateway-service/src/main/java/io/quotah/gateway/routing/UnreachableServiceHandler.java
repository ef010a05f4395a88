package io.quotah.gateway.routing;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A service that is down or too slow is the gateway's 503 (problem+json naming the service), not a 500:
 * the client learns it may retry, and nothing about our insides.
 */
@Component
@Order(-2)
class UnreachableServiceHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UnreachableServiceHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!isUnreachable(error) || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route == null ? "the service" : route.getId();
        log.warn("{} {} -> {} unreachable: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                service, error.toString());
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Retry-After", "5");
        String body = """
                {"type":"about:blank","title":"Service Unavailable","status":503,\
                "detail":"%s is not reachable right now; try again shortly","instance":"%s"}"""
                .formatted(service, exchange.getRequest().getPath().value().replace("\"", ""));
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    private static boolean isUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof TimeoutException
                    || cause instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
