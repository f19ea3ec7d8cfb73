package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A learner idle longer than the box's idle timeout: their sandbox goes to sleep (frozen, kernels
 * and all) and wakes as they left it at their next login, through a restart of the bridge and the
 * box's own down and up. A box of its own, whose idle timeout is seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SleepE2EIT {
    private RunningBox box;
    private String password;
    private String pythonKernel;
    private String javaKernel;

    @BeforeAll
    void aLearnerWithTwoKernelsAtWork() throws Exception {
        box = RunningBox.startBox("lbsleep", 900, Map.of("LEARNBOX_IDLE_TIMEOUT", "15s", "LEARNBOX_CULL_EVERY", "3s"));
        password = box.addUser("sol");
        Learner sol = new Learner(box, "sol");
        sol.logInToLab(password);
        try (KernelSession python = sol.startKernel("python3"); KernelSession java = sol.startKernel("java")) {
            assertThat(python.execute("kept = 6 * 7\nprint('set')", Duration.ofSeconds(60)).stdout()).isEqualTo("set\n");
            assertThat(java.execute("int kept = 6 * 7;\nSystem.out.println(\"set\");", Duration.ofSeconds(60)).stdout()).isEqualTo("set\n");
            pythonKernel = python.id;
            javaKernel = java.id;
        }
    }

    @AfterAll
    void removeTheBox() {
        if (box != null) box.close();
    }

    @Test
    @Order(1)
    void anIdleSandboxSleepsAndWakesWithItsKernelsAndTheirVariables() throws Exception {
        String container = awaitAsleep();
        Learner back = new Learner(box, "sol");
        back.logInToLab(password);
        assertThat(containerId()).as("the same sandbox woke, none was made anew").isEqualTo(container);
        assertThat(box.docker("inspect", "-f", "{{.State.Paused}}", box.sandboxContainer("sol")).stdout().strip()).isEqualTo("false");
        assertVariablesKept(back);
    }

    @Test
    @Order(2)
    void aSleepingSandboxSleepsOnThroughARestartOfTheBridgeAndTheBoxsDownAndUp() throws Exception {
        String container = awaitAsleep();
        box.compose("restart", "bridge").requireSuccess();
        box.awaitFrontDoor();
        box.box(null, "down").requireSuccess();
        assertThat(box.docker("inspect", "-f", "{{.State.Paused}}", box.sandboxContainer("sol")).stdout().strip())
                .as("asleep while the box is down").isEqualTo("true");
        box.box(null, "up").requireSuccess();
        box.awaitFrontDoor();

        Learner back = new Learner(box, "sol");
        back.logInToLab(password);
        assertThat(containerId()).isEqualTo(container);
        assertVariablesKept(back);
    }

    @Test
    @Order(3)
    void aLearnerRemovedWhileAsleepLeavesNoSandboxBehind() throws Exception {
        awaitAsleep();
        box.box(null, "user", "remove", "sol").requireSuccess();
        assertThat(box.containersOf("sol")).isEmpty();
    }

    private String containerId() {
        return box.docker("inspect", "-f", "{{.Id}}", box.sandboxContainer("sol")).requireSuccess().stdout().strip();
    }

    /** Waits for the idle cull to put sol's sandbox to sleep; answers its container. */
    private String awaitAsleep() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!box.docker("inspect", "-f", "{{.State.Paused}}", box.sandboxContainer("sol")).stdout().strip().equals("true")) {
            assertThat(Instant.now()).as("sol's idle sandbox goes to sleep; the bridge said:\n"
                    + box.compose("logs", "--tail", "30", "bridge").stdout()).isBefore(deadline);
            Thread.sleep(500);
        }
        return containerId();
    }

    private void assertVariablesKept(Learner back) throws Exception {
        assertThat(back.server("GET", "/api/kernels", null).body()).contains(pythonKernel, javaKernel);
        try (KernelSession python = reopen(back, pythonKernel); KernelSession java = reopen(back, javaKernel)) {
            assertThat(python.execute("print(kept)", Duration.ofSeconds(30)).stdout()).isEqualTo("42\n");
            assertThat(java.execute("System.out.println(kept);", Duration.ofSeconds(30)).stdout()).isEqualTo("42\n");
        }
    }

    private KernelSession reopen(Learner learner, String kernel) throws Exception {
        return KernelSession.open(learner, URI.create("ws://localhost:" + box.port + "/user/sol/api/kernels/" + kernel
                + "/channels?session_id=" + UUID.randomUUID()), kernel);
    }
}
