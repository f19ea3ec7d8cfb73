package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The box as a machine with Docker and a clone makes it: {@code docker compose up -d --build} in a
 * copy of the repository that holds no build output, with nothing of ./box. Every image is built
 * inside Docker (the jars in each Dockerfile's Maven stage), on the Debian base that ./box made here
 * (no registry answers this machine, so the base stands in for a pull), trusting this machine's
 * certificate authorities (its network inspects TLS: Maven Central is reached through it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildFromACloneE2EIT {
    private static final String IMAGES = "lbclone";
    private static final String[] BUILT = {"bridge", "hub", "gateway", "sandbox", "builder", "app-python", "app-java", "app-static", "app-notebook", "app-desktop"};
    private Path clone;
    private RunningBox box;

    @BeforeAll
    void cloneAndComposeUpWithBuild() throws Exception {
        clone = Files.createTempDirectory("learnbox-clone");
        Shell host = NestedEngines.hostShell();
        host.run(Duration.ofMinutes(2), null, "sh", "-c", "git ls-files -co --exclude-standard -z"
                + " | tar --null --ignore-failed-read -T - -cf - | tar -C " + clone + " -xf -").requireSuccess();
        assertThat(clone.resolve("box-image/compose.yaml")).exists();
        assertThat(buildOutputIn(clone)).as("the copy holds no build output").isEmpty();

        // As ./box passes them (its $(cat ...) drops the last newline): equal build arguments let Docker's
        // cache serve the steps ./box's builds of the same Dockerfiles ran already; a changed file still builds.
        String certificates = host.run("sh", "-c", "cat /usr/local/share/ca-certificates/*.crt 2>/dev/null; true").stdout().strip();
        box = RunningBox.startWithComposeAlone(clone, "lbclone", 500, Map.of(
                "LEARNBOX_IMAGES", IMAGES,
                "LEARNBOX_BASE_IMAGE", System.getenv().getOrDefault("LEARNBOX_BASE_IMAGE", "learnbox/base:trixie"),
                "LEARNBOX_BUILD_CA_CERTS", certificates), "--build");
    }

    @AfterAll
    void removeTheBoxItsImagesAndTheCopy() {
        if (box != null) box.close();
        Shell host = NestedEngines.hostShell();
        for (String name : BUILT) host.run("docker", "rmi", IMAGES + "/" + name + ":latest");
        if (clone != null) host.run("rm", "-rf", clone.toString());
    }

    @Test
    void composeBuiltEveryImageAndTheBoxRunsOnThem() throws Exception {
        for (String name : BUILT) {
            Shell.Result version = box.docker("image", "inspect", "-f", "{{index .Config.Labels \"org.opencontainers.image.version\"}}",
                    IMAGES + "/" + name + ":latest");
            assertThat(version.exitCode()).as(IMAGES + "/" + name + " was built").isZero();
            assertThat(version.stdout().strip()).as(IMAGES + "/" + name + " says its version").isEqualTo("0.1.0-SNAPSHOT");
        }
        String running = box.docker("ps", "--filter", "label=com.docker.compose.project=lbclone", "--filter", "label=com.docker.compose.service", "--format", "{{.Image}}").requireSuccess().stdout();
        assertThat(running.lines().sorted().distinct().toList()).containsExactly(
                IMAGES + "/bridge:latest", IMAGES + "/gateway:latest", IMAGES + "/hub:latest");
        assertThat(buildOutputIn(clone)).as("the jars were built inside Docker, not in the copy").isEmpty();
        assertThat(box.compose("exec", "-T", "bridge", "learnbox", "version").requireSuccess().stdout()).contains("LearnBox 0.1.0-SNAPSHOT, database schema ");
    }

    @Test
    void aLearnerRunsJavaOnTheKernelBuiltInsideDockerAndPublishesAnApp() throws Exception {
        Shell.Result added = box.shell.run(Duration.ofMinutes(1), "built-here-password\n",
                "docker", "compose", "-p", "lbclone", "-f", "box-image/compose.yaml", "exec", "-T", "bridge",
                "learnbox", "user", "add", "cleo", "--password-stdin");
        assertThat(added.exitCode()).as(added.stderr()).isZero();
        Learner cleo = new Learner(box, "cleo");
        cleo.logInToLab("built-here-password");
        try (KernelSession java = cleo.startKernel("java")) {
            KernelSession.Outcome outcome = java.execute("System.out.println(6 * 7);", Duration.ofMinutes(2));
            assertThat(outcome.error()).isNull();
            assertThat(outcome.stdout()).isEqualTo("42\n");
        }
        String sandbox = box.docker("ps", "--filter", "label=org.learnbox.box=lbclone", "--format", "{{.Image}}").requireSuccess().stdout();
        assertThat(sandbox.lines().toList()).contains(IMAGES + "/sandbox:latest");

        cleo.writeFile("hello/app.py", GitDeployE2EIT.PYTHON_APP.replace("VERSION", "built from a clone"));
        AppClient apps = new AppClient(box);
        apps.publish(cleo, "hello");
        assertThat(apps.fetch("hello--cleo", "/").body()).isEqualTo("Python built from a clone");

        // Images compose built carry its labels; the learner's containers must not pass for the
        // compose file's scale-0 services, which the next `up` would remove.
        String learners = "docker ps -q --filter label=org.learnbox.box=lbclone --filter label=org.learnbox.user=cleo | sort";
        String before = box.shell.run("sh", "-c", learners).requireSuccess().stdout();
        assertThat(before.lines()).as("cleo's sandbox and app").hasSize(2);
        box.compose("up", "-d").requireSuccess();
        box.awaitFrontDoor();
        assertThat(box.shell.run("sh", "-c", learners).requireSuccess().stdout()).isEqualTo(before);
        assertThat(box.compose("ps", "--format", "{{.Service}}").requireSuccess().stdout().lines().sorted().toList())
                .containsExactly("bridge", "gateway", "hub", "proxy");
        assertThat(apps.fetch("hello--cleo", "/").body()).isEqualTo("Python built from a clone");
    }

    private static java.util.List<Path> buildOutputIn(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.getFileName().toString().equals("target") || path.toString().endsWith(".jar")).toList();
        }
    }
}
