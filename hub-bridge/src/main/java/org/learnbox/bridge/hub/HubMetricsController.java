package org.learnbox.bridge.hub;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JupyterHub's own metrics (jupyterhub_*), read with the bridge's service token and served beside the
 * bridge's at /metrics/hub, behind the same door (security.MetricsDoor): Prometheus scrapes both from
 * the bridge's port, and no sandbox, which reaches the hub's port, reads them there without a token.
 */
@RestController
class HubMetricsController {
    static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";
    private final JupyterHubClient hub;

    HubMetricsController(JupyterHubClient hub) {
        this.hub = hub;
    }

    @GetMapping(value = "/metrics/hub", produces = PROMETHEUS_TEXT)
    ResponseEntity<String> hubMetrics() {
        try {
            return ResponseEntity.ok(hub.metrics());
        } catch (RuntimeException unanswered) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                    .body("JupyterHub did not give its metrics: " + unanswered.getMessage());
        }
    }
}
