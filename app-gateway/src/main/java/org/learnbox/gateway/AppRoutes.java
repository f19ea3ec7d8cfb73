package org.learnbox.gateway;

import java.util.Locale;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One route: every host under the apps domain; {@link WakeAndRoute} finds each app's address. */
@Configuration(proxyBeanMethods = false)
class AppRoutes {
    /** Replaced per request by the app's own address. */
    static final String PLACEHOLDER = "http://app.invalid";

    @Bean
    RouteLocator apps(RouteLocatorBuilder routes, GatewaySettings settings) {
        return routes.routes()
                .route("apps", r -> r.predicate(exchange -> appHost(exchange.getRequest().getHeaders().getFirst("Host"), settings) != null)
                        .filters(f -> f.preserveHostHeader()) // apps see the address they were asked for
                        .uri(PLACEHOLDER))
                .build();
    }

    /** The app's host name (APP--USER.domain, lowercase, no port), or null when the request names none. */
    static String appHost(String host, GatewaySettings settings) {
        if (host == null) return null;
        String bare = host.toLowerCase(Locale.ROOT);
        int colon = bare.lastIndexOf(':');
        if (colon > bare.lastIndexOf(']')) bare = bare.substring(0, colon);
        String suffix = "." + settings.domain();
        if (!bare.endsWith(suffix)) return null;
        String label = bare.substring(0, bare.length() - suffix.length());
        return label.contains("--") && !label.contains(".") ? bare : null;
    }
}
