package org.learnbox.bridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.config.TestProperties;
import org.learnbox.bridge.docker.ContainerStopsIT;
import org.learnbox.bridge.sandbox.SandboxSpecs;
import org.testcontainers.DockerClientFactory;
import org.learnbox.bridge.docker.ContainerLabels;

/** Apps' containers on the real engine, where an app ends by itself between the box's look and its call. */
class DockerAppRuntimeIT {
    private static final String BOX = "app-runtime-it";
    private final DockerClient docker = DockerClientFactory.instance().client();
    private final DockerAppRuntime runtime = new DockerAppRuntime(docker, TestProperties.of(BOX, TestProperties.sandbox("none"),
            TestProperties.hub("http://127.0.0.1:9"), TestProperties.courses("/nonexistent")));

    @AfterEach
    void removeWhatTheTestMade() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ContainerLabels.BOX, BOX)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    @Test
    void anAppThatExitedBeforeTheStopCallIsStoppedAsAskedAndItsExitIsKept() {
        String id = crashedApp("crasher");
        assertThat(runtime.find("ada", "crasher")).get().satisfies(app -> {
            assertThat(app.running()).isFalse();
            assertThat(app.exitCode()).isEqualTo(3);
        });
        assertThatCode(() -> runtime.stop("ada", "crasher")).as("stopping an app that stopped by itself").doesNotThrowAnyException();
        assertThatCode(() -> runtime.discard(id)).doesNotThrowAnyException();
        assertThatCode(() -> runtime.discard(id)).as("discarding it twice").doesNotThrowAnyException();
        assertThat(runtime.find("ada", "crasher")).isEmpty();
    }

    @Test
    void anAppThatExitedIsRemovedWithItsReleaseSwitchesLeftBehind() {
        crashedApp("quiz");
        assertThatCode(() -> runtime.remove("ada", "quiz")).doesNotThrowAnyException();
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ContainerLabels.BOX, BOX)).exec())
                .extracting(Container::getId).isEmpty();
    }

    /** An app's container, labelled as the box makes them, that printed a line and exited with 3. */
    private String crashedApp(String name) {
        return ContainerStopsIT.endedContainer(docker, runtime.containerName("ada", name), Map.of(ContainerLabels.BOX, BOX,
                ContainerLabels.ROLE, "app", ContainerLabels.USER, "ada", DockerAppRuntime.LABEL_APP, name));
    }
}
