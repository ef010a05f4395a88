package io.quotah.gateway.ratelimit;

import io.quotah.gateway.config.GatewayProperties;
import java.util.Objects;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/**
 * Request rate limits, counted in Redis so every gateway replica shares them: each signed-in user gets a
 * steady allowance with a burst; sign-up and sign-in are limited per client address, far more strictly,
 * to slow password guessing. Over the limit is 429 with {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class RateLimits {

    /** Per user: the token's subject; a request without one is counted by its address. */
    @Bean
    @Primary
    KeyResolver userOrAddress(GatewayProperties properties) {
        String namespace = properties.rateLimit().namespace();
        return exchange -> exchange.getPrincipal()
                .map(principal -> namespace + ":user:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> namespace + ":ip:" + address(exchange)));
    }

    /** Sign-in attempts per address, counted apart from that address's other requests. */
    @Bean
    KeyResolver address(GatewayProperties properties) {
        String namespace = properties.rateLimit().namespace();
        return exchange -> Mono.just(namespace + ":sign-in:" + address(exchange));
    }

    @Bean
    @Primary
    RedisRateLimiter userRateLimiter(GatewayProperties properties) {
        var limits = properties.rateLimit();
        return new RedisRateLimiter(limits.perUserPerSecond(), limits.perUserBurst(), 1);
    }

    /** A request costs {@code 60 / perMinute} tokens of a bucket refilled by one a second. */
    @Bean
    RedisRateLimiter signInRateLimiter(GatewayProperties properties) {
        int perMinute = properties.rateLimit().signInPerAddressPerMinute();
        int cost = Math.max(1, 60 / perMinute);
        return new RedisRateLimiter(1, cost * perMinute, cost);
    }

    private static String address(org.springframework.web.server.ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : Objects.toString(remote.getAddress().getHostAddress());
    }
}
