package org.learnbox.bridge.hub;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** "hub" in the bridge's health: JupyterHub's API answers (the bridge starts and stops servers through it). */
@Component
class HubHealthIndicator implements HealthIndicator {
    private final JupyterHubClient hub;

    HubHealthIndicator(JupyterHubClient hub) {
        this.hub = hub;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetail("version", String.valueOf(hub.version())).build();
        } catch (RuntimeException unreachable) {
            return Health.down().withDetail("error", "JupyterHub's API does not answer: " + unreachable.getMessage()).build();
        }
    }
}
