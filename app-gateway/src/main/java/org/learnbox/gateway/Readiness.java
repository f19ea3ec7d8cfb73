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
 * The bridge cannot reach the apps' network; it asks here whether an app it just started
 * answers yet: 200 when its port is open, 503 while not. It is no visit of the app. By host
 * (the app as visitors reach it) for anyone; by target (a new release's container, before
 * visitors reach it) only for the bridge, with the box's shared secret: else it would be a port
 * scanner for the world.
 */
@Configuration(proxyBeanMethods = false)
class Readiness {
    static final String PATH = "/.learnbox/ready";

    @Bean
    RouterFunction<ServerResponse> readinessOfApps(BridgeClient bridge, GatewaySettings settings) {
        return RouterFunctions.route().GET(PATH, request -> request.queryParam("target")
                .map(target -> fromBridge(request, settings) ? answer(AppPorts.open(new AppTarget(target, URI.create(target))))
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
