package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The box as Docker alone starts it, without ./box: the compose file's init service makes the
 * secrets and the first admin's password (shown once in its log), the bridge makes 'admin'
 * from it, the admin command line works, and a second start keeps everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeAloneE2EIT {
    private RunningBox box;

    @BeforeAll
    void startWithComposeAlone() throws Exception {
        box = RunningBox.startWithComposeAlone("lbcompose", 300);
    }

    @AfterAll
    void removeTheBox() {
        if (box != null) box.close();
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
