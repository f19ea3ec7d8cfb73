package org.learnbox.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The bridge cannot reach the apps' network; it asks here whether an app it just started
 * answers yet: 200 when its port is open, 503 while not. It is no visit of the app.
 */
@Configuration(proxyBeanMethods = false)
class Readiness {
    static final String PATH = "/.learnbox/ready";

    @Bean
    RouterFunction<ServerResponse> readinessOfApps(BridgeClient bridge) {
        return RouterFunctions.route().GET(PATH, request -> request.queryParam("host")
                .map(host -> bridge.wake(host).flatMap(AppPorts::open).onErrorReturn(false)
                        .flatMap(open -> open ? ServerResponse.ok().build() : ServerResponse.status(503).build()))
                .orElseGet(() -> ServerResponse.badRequest().build())).build();
    }
}
