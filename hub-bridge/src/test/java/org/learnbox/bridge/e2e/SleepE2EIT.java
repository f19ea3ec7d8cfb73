package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * box's own down and up. A box of its own, whose idle timeout is seconds, and whose sandbox image
 * is its own tag, so that it can be rebuilt (as an upgrade does) under a sleeper. It keeps a pool of
 * one started sandbox: the learner, new to the box, gets it, and it sleeps and wakes as any other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SleepE2EIT {
    private static final String IMAGE = "learnbox/sandbox-lbsleep:latest";
    private static final Pattern CLASS_PAGE = Pattern.compile("href=\"(/classes/\\d+)\"");

    private RunningBox box;
    private Learner teacher;
    private String classPage;
    private String password;
    private String pythonKernel;
    private String javaKernel;

    @BeforeAll
    void aLearnerWithTwoKernelsAtWork() throws Exception {
        new Shell(RunningBox.projectRoot(), Map.of()).run("docker", "tag", "learnbox/sandbox:latest", IMAGE).requireSuccess();
        box = RunningBox.startBox("lbsleep", 900, Map.of("LEARNBOX_IDLE_TIMEOUT", "15s", "LEARNBOX_CULL_EVERY", "3s",
                "LEARNBOX_SANDBOX_IMAGE", IMAGE, "LEARNBOX_SANDBOX_POOL", "1"));
        password = box.addUser("sol");
        teacher = new Learner(box, "ms-sleep");
        String code = Classes.make(box, teacher, box.addUser("ms-sleep", "teacher"), "Night class");
        Matcher page = CLASS_PAGE.matcher(teacher.get("/classes").body());
        assertThat(page.find()).as("the teacher's class is listed").isTrue();
        classPage = page.group(1);
        String pooled = awaitPooled();
        Learner sol = new Learner(box, "sol");
        sol.logIn(password);
        Classes.join(sol, code);
        sol.logInToLab(password);
        assertThat(containerId()).as("sol, new to the box, got the pool's sandbox, started before").isEqualTo(pooled);
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
        new Shell(RunningBox.projectRoot(), Map.of()).run("docker", "rmi", IMAGE);
    }

    @Test
    @Order(1)
    void anIdleSandboxSleepsAndWakesWithItsKernelsAndTheirVariablesOnceForTwoLoginsAtOnce() throws Exception {
        String container = awaitAsleep();
        assertThat(teacher.get(classPage).body()).as("the class page shows the sleeper").contains("state asleep");
        Learner back = new Learner(box, "sol");
        Learner otherTab = new Learner(box, "sol");
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> logInToLab(back));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> logInToLab(otherTab));
        CompletableFuture.allOf(first, second).get(3, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(box.containersOf("sol").lines().toList()).as("two logins at once woke one sandbox").hasSize(1);
        assertThat(containerId()).as("the same sandbox woke, none was made anew").isEqualTo(container);
        assertThat(box.docker("inspect", "-f", "{{.State.Paused}}", box.sandboxContainer("sol")).stdout().strip()).isEqualTo("false");
        assertVariablesKept(back);
    }

    @Test
    @Order(2)
    void aSleepingSandboxSleepsOnThroughARestartOfTheBridgeAndTheBoxsDownAndUp() throws Exception {
        String container = awaitAsleep();
        String pooled = awaitPooled();
        box.compose("restart", "bridge").requireSuccess();
        box.awaitFrontDoor();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (box.docker("ps", "-aq", "--no-trunc").stdout().contains(pooled)) {
            assertThat(Instant.now()).as("the new bridge removes the pool made by the bridge before it").isBefore(deadline);
            Thread.sleep(200);
        }
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
    void aSleeperFromBeforeAnUpgradeStartsAfreshWithItsFilesAndItsLearnerIsTold() throws Exception {
        Learner sol = new Learner(box, "sol");
        sol.logInToLab(password);
        sol.writeFile("kept.txt", "written before the upgrade");
        String before = awaitAsleep();
        // The box's sandbox image is rebuilt while sol sleeps, as an upgrade of the box does.
        new Shell(RunningBox.projectRoot(), Map.of()).run(Duration.ofMinutes(5),
                "FROM learnbox/sandbox:latest\nLABEL org.learnbox.test.rebuilt=\"" + Instant.now() + "\"\n",
                "docker", "build", "-t", IMAGE, "-").requireSuccess();

        Learner back = new Learner(box, "sol");
        back.logInToLab(password);
        assertThat(containerId()).as("a new sandbox, from the new image").isNotEqualTo(before);
        assertThat(box.containersOf("sol").lines().toList()).hasSize(1);
        assertThat(back.readFile("kept.txt")).isEqualTo("written before the upgrade");
        assertThat(back.server("GET", "/api/kernels", null).body()).doesNotContain(pythonKernel, javaKernel);
        assertThat(back.get("/notices").body()).contains("could not wake up as you left it", "run your notebooks' cells again");
        assertThat(teacher.get("/notices").body()).as("told to sol only").doesNotContain("could not wake up");
    }

    @Test
    @Order(4)
    void aLearnerRemovedWhileAsleepLeavesNoSandboxBehind() throws Exception {
        awaitAsleep();
        box.box(null, "user", "remove", "sol").requireSuccess();
        assertThat(box.containersOf("sol")).isEmpty();
    }

    private void logInToLab(Learner learner) {
        try {
            learner.logInToLab(password);
        } catch (Exception failed) {
            throw new AssertionError("sol's login failed", failed);
        }
    }

    private String containerId() {
        return box.docker("inspect", "-f", "{{.Id}}", box.sandboxContainer("sol")).requireSuccess().stdout().strip();
    }

    /** Waits for a sandbox of the pool, unclaimed and running; answers its container. */
    private String awaitPooled() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String pooled;
        while ((pooled = box.docker("ps", "-q", "--no-trunc", "--filter", "label=org.learnbox.box=lbsleep", "--filter", "label=org.learnbox.pool",
                "--filter", "name=lbsleep-pool-").stdout().strip()).isEmpty()) {
            assertThat(Instant.now()).as("the box starts a sandbox for its pool; the bridge said:\n"
                    + box.compose("logs", "--tail", "30", "bridge").stdout()).isBefore(deadline);
            Thread.sleep(500);
        }
        return pooled.lines().findFirst().orElseThrow();
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
