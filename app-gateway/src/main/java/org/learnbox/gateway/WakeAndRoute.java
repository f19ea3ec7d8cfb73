package org.learnbox.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ALREADY_ROUTED_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends each request to its app's container: asks the bridge where the app is (waking it when
 * it sleeps), holds the request until the app's port answers, and says in words what went wrong
 * when it does not. A browser kept waiting past a few seconds gets a page that reloads itself.
 */
@Component
class WakeAndRoute implements GlobalFilter, Ordered {
    /** A target is asked for again this soon: an app put to sleep may get another address when it wakes. */
    private static final Duration KNOWN_FOR = Duration.ofSeconds(2);

    private record Known(AppTarget target, long until) {}

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final BridgeClient bridge;
    private final GatewaySettings settings;
    private final RequestRate rate;
    private final AppActivity activity;

    WakeAndRoute(BridgeClient bridge, GatewaySettings settings, RequestRate rate, AppActivity activity) {
        this.bridge = bridge;
        this.settings = settings;
        this.rate = rate;
        this.activity = activity;
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null || !"apps".equals(route.getId())) return chain.filter(exchange);
        ServerHttpRequest request = exchange.getRequest();
        String host = AppRoutes.appHost(request.getHeaders().getFirst("Host"), settings);
        if (!rate.allow(host, System.nanoTime())) {
            return GatewayPages.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "This app has had more than " + settings.requestsPerMinute() + " requests in the last minute,"
                            + " the most this box lets through to one app. Wait a moment and try again.");
        }
        activity.requested(host);
        return route(exchange, chain, host, true);
    }

    private Mono<Void> route(ServerWebExchange exchange, GatewayFilterChain chain, String host, boolean firstTry) {
        // Only a fresh answer of the bridge is remembered, for a short while: a new release is reached soon.
        Mono<AppTarget> ready = knownTarget(host).map(Mono::just).orElseGet(() -> bridge.wake(host).flatMap(this::awaitPort)
                .doOnNext(fresh -> known.put(host, new Known(fresh, System.nanoTime() + KNOWN_FOR.toNanos()))));
        Mono<AppTarget> waited = browserWaiting(exchange.getRequest())
                ? ready.timeout(settings.waitingPageAfter())
                : ready;
        return waited
                .flatMap(target -> {
                    exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, addressOf(exchange, target));
                    return chain.filter(exchange).onErrorResume(ConnectException.class, gone -> {
                        known.remove(host);
                        if (!firstTry || exchange.getResponse().isCommitted()) return Mono.error(gone);
                        // It went to sleep meanwhile: wake it, and let the routing filter send the request again.
                        exchange.getAttributes().remove(GATEWAY_ALREADY_ROUTED_ATTR);
                        return route(exchange, chain, host, false);
                    });
                })
                .onErrorResume(TimeoutException.class, slow -> browserWaiting(exchange.getRequest())
                        ? GatewayPages.waiting(exchange.getResponse(), host)
                        : GatewayPages.write(exchange.getResponse(), HttpStatus.GATEWAY_TIMEOUT, "The app does not answer",
                                "The app did not open its port within " + settings.startTimeout().toSeconds()
                                        + " s. Its owner can see why on their dashboard."))
                .onErrorResume(BridgeClient.NoSuchApp.class, none -> GatewayPages.write(exchange.getResponse(),
                        HttpStatus.NOT_FOUND, "No app here", none.getMessage()))
                .onErrorResume(WebClientResponseException.class, refused -> GatewayPages.write(exchange.getResponse(),
                        HttpStatus.SERVICE_UNAVAILABLE, "The app cannot start now", BridgeClient.messageOf(refused)));
    }

    /** The bridge switched the app to another container (a new release): the next request asks it again. */
    void forget(String host) {
        known.remove(host);
    }

    private java.util.Optional<AppTarget> knownTarget(String host) {
        Known entry = known.get(host);
        if (entry == null || entry.until() < System.nanoTime()) return java.util.Optional.empty();
        return java.util.Optional.of(entry.target());
    }

    /** The app's own address with the request's path and query. */
    private static URI addressOf(ServerWebExchange exchange, AppTarget target) {
        // Raw path and query, as the visitor sent them: nothing is decoded or encoded again (and it is cheap, per request).
        URI asked = exchange.getRequest().getURI();
        String path = asked.getRawPath() == null || asked.getRawPath().isEmpty() ? "/" : asked.getRawPath();
        return URI.create(target.uri().getScheme() + "://" + target.uri().getRawAuthority() + path
                + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery()));
    }

    /** Polls the app's port until it accepts a connection, at most the start timeout. */
    private Mono<AppTarget> awaitPort(AppTarget target) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(50))
                .concatMap(tick -> AppPorts.open(target))
                .filter(open -> open)
                .next()
                .map(open -> target)
                .timeout(settings.startTimeout());
    }

    private static boolean browserWaiting(ServerHttpRequest request) {
        return HttpMethod.GET.equals(request.getMethod()) && request.getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }
}
