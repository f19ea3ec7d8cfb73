package org.learnbox.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The page in which the snippet editor previews a learner's HTML, CSS and JavaScript as they type,
 * at {@code preview.DOMAIN}: on the apps' side, never the box's origin, so a learner's script can
 * reach nothing of the box. The editor frames it sandboxed (an origin of its own) and posts it the
 * files; the page shows them in a frame of its own, sandboxed too.
 */
@Configuration(proxyBeanMethods = false)
class PreviewPage {
    static final String LABEL = "preview";

    @Bean
    RouterFunction<ServerResponse> snippetPreview(GatewaySettings settings) {
        String page = page();
        return RouterFunctions.route(RequestPredicates.GET("/").and(request -> isPreviewHost(request.headers().firstHeader("Host"), settings)),
                request -> ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                        .bodyValue(page));
    }

    /** preview.DOMAIN, with or without a port; the label has no "--", so no app can have it. */
    static boolean isPreviewHost(String host, GatewaySettings settings) {
        if (host == null) return false;
        String bare = host.toLowerCase(Locale.ROOT);
        int colon = bare.lastIndexOf(':');
        if (colon > bare.lastIndexOf(']')) bare = bare.substring(0, colon);
        return bare.equals(LABEL + "." + settings.domain());
    }

    private static String page() {
        try (InputStream in = PreviewPage.class.getResourceAsStream("/preview.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
