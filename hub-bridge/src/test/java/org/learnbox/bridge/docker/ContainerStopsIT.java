package org.learnbox.bridge.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotModifiedException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** The engine's "already so" answers, met for real: a container that ended before the call to end it. */
public class ContainerStopsIT {
    private static final String BOX = "stops-it";
    private final DockerClient docker = DockerClientFactory.instance().client();

    @AfterEach
    void removeWhatTheTestMade() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ContainerLabels.BOX, BOX)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    /** A container that prints a line and exits with 3 at once, as a broken app does; answered once it has ended. */
    public static String endedContainer(DockerClient docker, String name, Map<String, String> labels) {
        String image = System.getenv().getOrDefault("LEARNBOX_BASE_IMAGE", "learnbox/base:trixie");
        String id = docker.createContainerCmd(image).withName(name).withLabels(labels)
                .withCmd("sh", "-c", "echo about to fail; exit 3").exec().getId();
        docker.startContainerCmd(id).exec();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning())) {
            assertThat(Instant.now()).as("the container ends by itself").isBefore(deadline);
            pause();
        }
        return id;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aContainerThatEndedBeforeTheCallIsStoppedKilledAndRemovedWithoutARefusal() {
        String id = endedContainer(docker, BOX + "-ended", Map.of(ContainerLabels.BOX, BOX));
        assertThatThrownBy(() -> docker.stopContainerCmd(id).withTimeout(2).exec())
                .as("the engine's own answer, which once reached a learner as a refusal").isInstanceOf(NotModifiedException.class);

        assertThatCode(() -> ContainerStops.stop(docker, id, 2)).doesNotThrowAnyException();
        assertThat(ContainerStops.kill(docker, id)).as("it was not running").isFalse();
        ContainerStops.remove(docker, id);
        assertThatCode(() -> {
            ContainerStops.remove(docker, id);
            ContainerStops.stop(docker, id, 2);
            ContainerStops.kill(docker, id);
        }).as("a container that is gone is as asked").doesNotThrowAnyException();
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ContainerLabels.BOX, BOX)).exec()).isEmpty();
    }

    @Test
    void aRunningContainerIsKilledAndSaysSo() {
        String image = System.getenv().getOrDefault("LEARNBOX_BASE_IMAGE", "learnbox/base:trixie");
        String id = docker.createContainerCmd(image).withName(BOX + "-running").withLabels(Map.of(ContainerLabels.BOX, BOX))
                .withCmd("sleep", "300").exec().getId();
        docker.startContainerCmd(id).exec();
        assertThat(ContainerStops.kill(docker, id)).isTrue();
        assertThat(docker.inspectContainerCmd(id).exec().getState().getRunning()).isFalse();
    }
}
