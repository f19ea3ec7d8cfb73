package org.learnbox.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The bridge's questions and news for the gateway, on the gateway's own port.
 *
 * <p>The bridge cannot reach the apps' network; it asks here whether an app it just started
 * answers yet: 200 when its port is open, 503 while not. It is no visit of the app. By host
 * (the app as visitors reach it) for anyone; by target (a new release's container, before
 * visitors reach it) only for the bridge, with the box's shared secret: else it would be a port
 * scanner for the world.
 *
 * <p>When a new release takes over an app, the bridge says so ({@value #FORGET}?host=&retiring=,
 * with the secret): the gateway forgets the address it had, the next request goes to the new one,
 * and none enters the retiring container any more. Then the bridge asks {@value #DRAIN}?container=,
 * which answers once the requests under way in that container have ended (204), or after the
 * drain timeout (504); only then does the bridge remove it.
 */
@Configuration(proxyBeanMethods = false)
class Readiness {
    static final String PATH = "/.learnbox/ready";

    static final String FORGET = "/.learnbox/forget";

    static final String DRAIN = "/.learnbox/drain";

    @Bean
    RouterFunction<ServerResponse> readinessOfApps(BridgeClient bridge, GatewaySettings settings, WakeAndRoute routing,
            ReleasesInUse releases) {
        return RouterFunctions.route()
                .POST(FORGET, request -> request.queryParam("host").filter(host -> fromBridge(request, settings))
                        .map(host -> {
                            request.queryParam("retiring").ifPresent(releases::retire);
                            routing.forget(host.toLowerCase(java.util.Locale.ROOT));
                            return ServerResponse.noContent().build();
                        })
                        .orElseGet(() -> ServerResponse.status(HttpStatus.FORBIDDEN).build()))
                .POST(DRAIN, request -> request.queryParam("container").filter(container -> fromBridge(request, settings))
                        .map(container -> {
                            releases.retire(container);
                            return releases.drained(container, settings.drainTimeout()).flatMap(drained -> drained
                                    ? ServerResponse.noContent().build()
                                    : ServerResponse.status(HttpStatus.GATEWAY_TIMEOUT).build());
                        })
                        .orElseGet(() -> ServerResponse.status(HttpStatus.FORBIDDEN).build()))
                .GET(PATH, request -> request.queryParam("target")
                .map(target -> fromBridge(request, settings) ? answer(AppPorts.open(new AppTarget(target, "", URI.create(target))))
                        : ServerResponse.status(HttpStatus.FORBIDDEN).build())
                .or(() -> request.queryParam("host")
                        .map(host -> answer(bridge.wake(host).flatMap(AppPorts::open).onErrorReturn(false))))
                .orElseGet(() -> ServerResponse.badRequest().build())).build();
    }

    private static Mono<ServerResponse> answer(Mono<Boolean> open) {
        return open.onErrorReturn(false).flatMap(yes -> yes ? ServerResponse.ok().build() : ServerResponse.status(503).build());
    }

    private static boolean fromBridge(ServerRequest request, GatewaySettings settings) {
        String given = request.headers().firstHeader("Authorization");
        String expected = "Bearer " + settings.sharedSecret();
        return given != null && !settings.sharedSecret().isEmpty() && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
