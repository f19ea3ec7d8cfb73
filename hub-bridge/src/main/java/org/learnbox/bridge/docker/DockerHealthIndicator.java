package org.learnbox.bridge.docker;

import com.github.dockerjava.api.DockerClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** "docker" in the bridge's health: the engine answers (sandboxes, grading and apps all need it). */
@Component
class DockerHealthIndicator implements HealthIndicator {
    private final DockerClient docker;

    DockerHealthIndicator(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetail("version", docker.versionCmd().exec().getVersion()).build();
        } catch (RuntimeException unreachable) {
            return Health.down().withDetail("error", "the Docker engine does not answer: " + unreachable.getMessage()).build();
        }
    }
}
