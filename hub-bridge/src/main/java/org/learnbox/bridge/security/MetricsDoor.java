package org.learnbox.bridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.learnbox.bridge.config.Words;

/**
 * Who reads /metrics and /health: anyone on the bridge's own port, which only the host's loopback reaches
 * (Prometheus beside the box, an admin's curl); through the front door, only an admin's
 * JupyterHub token. The front door's proxy says a request passed it with its X-Forwarded headers
 * (configurable-http-proxy adds for, port and proto); Tomcat takes X-Forwarded-For in as the
 * remote address and drops it, so it is not the only one looked at.
 */
final class MetricsDoor {
    static final String[] PATHS = {"/metrics", "/metrics/hub", "/health", "/health/**"};
    private static final List<String> PROXY_HEADERS = List.of("X-Forwarded-For", "X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded");

    private MetricsDoor() {}

    static boolean throughTheFrontDoor(HttpServletRequest request) {
        return PROXY_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null);
    }

    static void refuse(HttpServletResponse response, int status, Words words, String key) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(words.of(key).getBytes(StandardCharsets.UTF_8));
    }
}
