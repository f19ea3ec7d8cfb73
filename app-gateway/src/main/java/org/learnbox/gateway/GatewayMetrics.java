package org.learnbox.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The gateway's metrics in Prometheus' format at /metrics, for this machine alone: a request from
 * the host's loopback (the gateway shares the host's network) naming no app. Any other /metrics
 * (an app's host, a visitor, a container) goes on as any request does: to the app, or "No app here".
 * What is counted: {@link AppMeters}, and Spring Boot's JVM and Netty meters.
 */
@Configuration(proxyBeanMethods = false)
class GatewayMetrics {
    static final String PATH = "/metrics";
    private static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain;version=0.0.4;charset=utf-8");

    @Bean
    RouterFunction<ServerResponse> metricsForThisMachine(PrometheusMeterRegistry prometheus, GatewaySettings settings) {
        RequestPredicate forThisMachine = request -> fromLoopback(request)
                && AppRoutes.appHost(request.headers().firstHeader("Host"), settings) == null;
        return RouterFunctions.route(RequestPredicates.GET(PATH).and(forThisMachine),
                request -> ServerResponse.ok().contentType(PROMETHEUS_TEXT).bodyValue(prometheus.scrape()));
    }

    private static boolean fromLoopback(ServerRequest request) {
        return request.remoteAddress().map(InetSocketAddress::getAddress).filter(address -> address != null && address.isLoopbackAddress())
                .isPresent();
    }
}
