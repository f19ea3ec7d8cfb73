package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The box as Docker alone starts it, without ./box, from a school's registry: ./box bundle --push
 * fills a registry (Debian's docker-registry), and the compose file with LEARNBOX_IMAGES set pulls
 * the box's images from it; the bridge pulls the sandbox and the apps' runtimes as it needs them.
 * The compose file's init service makes the secrets and the first admin's password (shown once in
 * its log), the bridge makes 'admin' from it, the admin command line works, and a second start
 * keeps everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeAloneE2EIT {
    private static final int REGISTRY_PORT = 15050;
    private Registry registry;
    private String images;
    private RunningBox box;

    @BeforeAll
    void pushTheImagesAndStartWithComposeAlone() throws Exception {
        registry = Registry.start(REGISTRY_PORT);
        images = registry.address + "/school";
        Shell host = NestedEngines.hostShell();
        Shell.Result pushed = host.run(Duration.ofMinutes(20), null, "./box", "bundle", "--push", images);
        assertThat(pushed.exitCode()).as(pushed.stdout() + pushed.stderr()).isZero();
        assertThat(pushed.stdout()).contains("pushed LearnBox ", "LEARNBOX_IMAGES=" + images);
        assertThat(host.run("sh", "-c", "docker images --format '{{.Repository}}' | grep '^" + images + "/'; true").stdout())
                .as("the registry's names went from here").isBlank();
        box = RunningBox.startWithComposeAlone("lbcompose", 600, Map.of("LEARNBOX_IMAGES", images));
    }

    @AfterAll
    void removeTheBoxAndTheRegistry() {
        if (box != null) box.close();
        Shell host = NestedEngines.hostShell();
        host.run(Duration.ofMinutes(2), null, "sh", "-c", "docker rmi $(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^"
                + images + "/') 2>/dev/null; true");
        if (registry != null) registry.close();
    }

    @Test
    void aPushWithoutARegistryIsRefusedInWords() {
        Shell.Result refused = NestedEngines.hostShell().run(Duration.ofMinutes(1), null, "./box", "bundle", "--push", "school");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("--push needs a registry and a prefix, such as nas.school.lan:5000/learnbox, not 'school'");
    }

    @Test
    void theBoxRunsOnTheRegistrysImagesAndPullsTheRuntimesItNeeds() throws Exception {
        String running = box.docker("ps", "--filter", "label=com.docker.compose.project=lbcompose", "--format", "{{.Image}}").requireSuccess().stdout();
        assertThat(running.lines().sorted().distinct().toList()).containsExactly(
                images + "/bridge:latest", images + "/gateway:latest", images + "/hub:latest");

        Shell.Result added = box.shell.run(Duration.ofMinutes(1), "registry-learner-password\n",
                "docker", "compose", "-p", "lbcompose", "-f", "box-image/compose.yaml", "exec", "-T", "bridge",
                "learnbox", "user", "add", "rita", "--password-stdin");
        assertThat(added.exitCode()).as(added.stderr()).isZero();
        Learner rita = new Learner(box, "rita");
        rita.logInToLab("registry-learner-password");
        try (KernelSession python = rita.startKernel("python3")) {
            assertThat(python.execute("print(6 * 7)", Duration.ofMinutes(2)).stdout()).isEqualTo("42\n");
        }
        rita.writeFile("hello/app.py", GitDeployE2EIT.PYTHON_APP.replace("VERSION", "on the registry's runtime"));
        AppClient apps = new AppClient(box);
        apps.publish(rita, "hello");
        assertThat(apps.fetch("hello--rita", "/").body()).isEqualTo("Python on the registry's runtime");
        assertThat(box.docker("image", "inspect", "-f", "{{.Id}}", images + "/sandbox:latest", images + "/app-python:latest").exitCode())
                .as("the bridge pulled the sandbox and the app's runtime").isZero();
    }

    @Test
    void theInitsPasswordLogsTheAdminInAndASecondStartKeepsItWithoutShowingAnother() throws Exception {
        assertThat(logsInAsAdmin(box.adminPassword)).isTrue();
        assertThat(box.compose("exec", "-T", "bridge", "learnbox", "user", "list").requireSuccess().stdout())
                .containsPattern("\nadmin +admin ");
        // Secrets are files in a volume that only the box's own services mount, read-only.
        assertThat(box.compose("exec", "-T", "bridge", "sh", "-c", "stat -c '%a %n' /run/learnbox/shared-secret;"
                + " echo x > /run/learnbox/shared-secret 2>/dev/null || echo read-only").requireSuccess().stdout())
                .isEqualTo("444 /run/learnbox/shared-secret\nread-only\n");
        String volumes = box.docker("ps", "--filter", "volume=lbcompose_secrets", "--format", "{{.Names}}").requireSuccess().stdout();
        assertThat(volumes.lines().sorted().toList()).as("who mounts the secrets")
                .containsExactly("lbcompose-bridge-1", "lbcompose-gateway-1", "lbcompose-hub-1", "lbcompose-proxy-1");
        String initLog = box.compose("logs", "--no-log-prefix", "init").requireSuccess().stdout();
        assertThat(initLog).contains("Live apps on lbapp-lbcompose reach none of the host's own services");

        box.compose("up", "-d", "--force-recreate", "bridge").requireSuccess();
        box.compose("up", "-d").requireSuccess();
        box.awaitFrontDoor();
        String logsAfter = box.compose("logs", "--no-log-prefix", "init").requireSuccess().stdout();
        assertThat(logsAfter.split("admin account is", -1)).as("the password shows once").hasSize(2);
        assertThat(logsAfter).contains("secrets are in place");
        assertThat(logsInAsAdmin(box.adminPassword)).isTrue();
        assertThat(logsInAsAdmin("not-" + box.adminPassword)).isFalse();
    }

    private boolean logsInAsAdmin(String password) throws Exception {
        HttpResponse<String> answer = new Learner(box, "admin").logInWithoutFollowing(password);
        assertThat(answer.statusCode()).isEqualTo(302);
        return !answer.headers().firstValue("Location").orElseThrow().contains("error");
    }
}
