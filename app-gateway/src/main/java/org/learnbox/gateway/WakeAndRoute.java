package org.learnbox.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ALREADY_ROUTED_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.io.IOException;
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
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends each request to its app's container: asks the bridge where the app is (waking it when
 * it sleeps), holds the request until the app's port answers, and says in words what went wrong
 * when it does not. A browser kept waiting past a few seconds gets a page that reloads itself.
 * No request enters a release that the bridge retires ({@link ReleasesInUse}); a request that
 * reached no container, or a safe one whose release retired under it, is sent once more to
 * where the app is now.
 */
@Component
class WakeAndRoute implements GlobalFilter, Ordered {
    /** A target is asked for again this soon: an app put to sleep may get another address when it wakes. */
    private static final Duration KNOWN_FOR = Duration.ofSeconds(2);
    /** How often one request asks the bridge again when the answer is a release that retires. */
    private static final int MOST_ASKS = 3;
    private static final java.util.Set<HttpMethod> SAFE_METHODS = java.util.Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private record Known(AppTarget target, long until) {}

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final BridgeClient bridge;
    private final GatewaySettings settings;
    private final RequestRate rate;
    private final AppActivity activity;
    private final ReleasesInUse releases;
    private final AppMeters meters;

    WakeAndRoute(BridgeClient bridge, GatewaySettings settings, RequestRate rate, AppActivity activity, ReleasesInUse releases,
            AppMeters meters) {
        this.meters = meters;
        this.bridge = bridge;
        this.releases = releases;
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
        long came = System.nanoTime();
        if (!rate.allow(host, came)) {
            return GatewayPages.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "This app has had more than " + settings.requestsPerMinute() + " requests in the last minute,"
                            + " the most this box lets through to one app. Wait a moment and try again.")
                    .doFinally(signal -> meters.answered(exchange, came));
        }
        activity.requested(host);
        activity.answering(host);
        return route(exchange, chain, host, 0, false).doFinally(signal -> {
            activity.answered(host);
            meters.answered(exchange, came);
        });
    }

    private Mono<Void> route(ServerWebExchange exchange, GatewayFilterChain chain, String host, int asked, boolean resent) {
        // Only a fresh answer of the bridge is remembered, for a short while: a new release is reached soon.
        Mono<AppTarget> ready = knownTarget(host).map(Mono::just).orElseGet(() -> Mono.defer(() -> {
            long wakeAsked = System.nanoTime();
            return bridge.wake(host).flatMap(this::awaitPort)
                    .doOnNext(fresh -> {
                        meters.woke("ready", wakeAsked);
                        if (!releases.retires(fresh.container())) known.put(host, new Known(fresh, System.nanoTime() + KNOWN_FOR.toNanos()));
                    })
                    .doOnError(failed -> meters.woke(failed instanceof BridgeClient.NoSuchApp ? "no-app"
                            : failed instanceof TimeoutException ? "port-not-open" : "bridge-refused", wakeAsked));
        }));
        Mono<AppTarget> waited = browserWaiting(exchange.getRequest())
                ? ready.timeout(settings.waitingPageAfter())
                : ready;
        return waited
                .flatMap(target -> releases.enter(target.container())
                        .map(lease -> send(exchange, chain, host, target, lease, asked, resent))
                        .orElseGet(() -> {
                            // The bridge retires that release: the app answers in another container now.
                            known.remove(host);
                            return asked < MOST_ASKS ? route(exchange, chain, host, asked + 1, resent) : Mono.error(new Switching());
                        }))
                .onErrorResume(TimeoutException.class, slow -> browserWaiting(exchange.getRequest())
                        ? GatewayPages.waiting(exchange.getResponse(), host)
                        : GatewayPages.write(exchange.getResponse(), HttpStatus.GATEWAY_TIMEOUT, "The app does not answer",
                                "The app did not open its port within " + settings.startTimeout().toSeconds()
                                        + " s. Its owner can see why on their dashboard."))
                .onErrorResume(BridgeClient.NoSuchApp.class, none -> GatewayPages.write(exchange.getResponse(),
                        HttpStatus.NOT_FOUND, "No app here", none.getMessage()))
                .onErrorResume(WebClientResponseException.class, refused -> GatewayPages.write(exchange.getResponse(),
                        HttpStatus.SERVICE_UNAVAILABLE, "The app cannot start now", BridgeClient.messageOf(refused)))
                .onErrorResume(WebClientRequestException.class, unanswered -> GatewayPages.write(exchange.getResponse(),
                        HttpStatus.SERVICE_UNAVAILABLE, "The box is busy",
                        "The box did not say where this app is just now (" + unanswered.getMostSpecificCause().getMessage()
                                + "). Try again in a moment."))
                .onErrorResume(Switching.class, switching -> GatewayPages.write(exchange.getResponse(),
                        HttpStatus.SERVICE_UNAVAILABLE, "A new release is taking over",
                        "This app is switching to a new release just now. Try again in a moment."))
                .onErrorResume(IOException.class, gone -> exchange.getResponse().isCommitted() ? Mono.error(gone)
                        : GatewayPages.write(exchange.getResponse(), HttpStatus.BAD_GATEWAY, "The app did not answer",
                                "The app closed the connection before it answered. Try again in a moment; if it keeps"
                                        + " happening, its owner can see why on their dashboard."));
    }

    /** Sends the request to the app's container, counted in it until the answer is written. */
    private Mono<Void> send(ServerWebExchange exchange, GatewayFilterChain chain, String host, AppTarget target,
            ReleasesInUse.Lease lease, int asked, boolean resent) {
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, addressOf(exchange, target));
        return chain.filter(exchange)
                .doFinally(signal -> lease.close())
                .onErrorResume(IOException.class, gone -> {
                    known.remove(host);
                    if (resent || exchange.getResponse().isCommitted() || !mayResend(exchange.getRequest(), target, gone)) {
                        return Mono.error(gone);
                    }
                    // The container was not there (the app fell asleep) or retires: ask where the app is now,
                    // and let the routing filter send the request once more.
                    exchange.getAttributes().remove(GATEWAY_ALREADY_ROUTED_ATTR);
                    return route(exchange, chain, host, asked, true);
                });
    }

    /**
     * A request that reached no app (the connection was refused, or the address is gone) may be sent
     * again; so may a safe one whose release retired under it. One that an app dropped while it
     * answered is not: it may be the very request that crashed the app.
     */
    private boolean mayResend(ServerHttpRequest request, AppTarget target, IOException gone) {
        if (gone instanceof ConnectException || gone instanceof java.net.NoRouteToHostException) return true;
        return releases.retires(target.container()) && SAFE_METHODS.contains(request.getMethod());
    }

    /** The bridge kept answering containers that retire: it is between two releases. */
    private static final class Switching extends RuntimeException {
        Switching() {
            super("the app is switching releases", null, false, false);
        }
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
                // A look that takes longer than the ticks (a busy machine, a port that never answers) lets them go by.
                .onBackpressureDrop()
                .concatMap(tick -> AppPorts.open(target), 1)
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
