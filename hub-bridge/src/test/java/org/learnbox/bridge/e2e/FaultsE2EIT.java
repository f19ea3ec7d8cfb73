package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The box survives the crash of any of its parts, tried with learners at work: a {@code kill -9}
 * of the proxy, the hub, the bridge and the gateway, each in turn, from the host (as the kernel's
 * out-of-memory killer or a crash would end it; {@code docker kill} would count as a stop by hand,
 * which the restart policy leaves stopped). After each: the login page, every learner's lab and the
 * app gateway answer again within 60 s, each learner's kernel, writing a line a fifth of a second,
 * has lost none, each learner still has their one sandbox, and the box has the containers it had, no
 * more (no orphan of the crash) and no fewer. A build under way when the bridge
 * is killed is failed with the reason, which its releases page tells, and the release before serves on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsE2EIT {
    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);
    /** Numbers 0, 1, 2, ... one a line, into ~/counter.txt, for as long as the kernel lives. */
    private static final String WRITER = """
            import threading, time
            def write():
                n = 0
                while True:
                    with open('counter.txt', 'a') as counter:
                        counter.write(f'{n}\\n')
                    n += 1
                    time.sleep(0.2)
            threading.Thread(target=write, daemon=True).start()
            print('writing')
            """;

    private RunningBox box;
    private List<Learner> learners;
    private final List<KernelSession> writers = new java.util.ArrayList<>();
    private Map<String, String> sandboxes;

    @BeforeAll
    void learnersAtWork() throws Exception {
        box = RunningBox.startBox("lbfault", 700, Map.of());
        learners = List.of(new Learner(box, "ada"), new Learner(box, "bob"));
        for (Learner learner : learners) {
            learner.logInToLab(box.addUser(learner.name));
            KernelSession writer = learner.startKernel("python3");
            assertThat(writer.execute(WRITER, Duration.ofSeconds(60)).stdout()).isEqualTo("writing\n");
            writers.add(writer);
        }
        sandboxes = sandboxesNow();
    }

    @AfterAll
    void removeTheBox() {
        writers.forEach(KernelSession::close);
        if (box != null) box.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy", "hub", "bridge", "gateway"})
    void afterAKillOfAPartTheBoxAnswersAgainWithinAMinuteAndNothingIsLost(String part) throws Exception {
        Map<String, Integer> written = linesWritten();
        List<String> containers = containersOfTheBox();
        String pid = box.docker("inspect", "-f", "{{.State.Pid}}", box.project + "-" + part + "-1").requireSuccess().stdout().strip();
        new Shell(RunningBox.projectRoot(), Map.of()).run("kill", "-9", pid).requireSuccess();
        Instant killed = Instant.now();

        List<String> silent = silentParts();
        while (!silent.isEmpty()) {
            assertThat(Instant.now()).as("after a kill -9 of the " + part + ", still silent: " + silent)
                    .isBefore(killed.plus(BACK_WITHIN));
            Thread.sleep(250);
            silent = silentParts();
        }
        System.out.printf("the box answered again %d ms after a kill -9 of the %s%n", Duration.between(killed, Instant.now()).toMillis(), part);
        assertThat(box.docker("inspect", "-f", "{{.RestartCount}}", box.project + "-" + part + "-1").stdout().strip())
                .as("the " + part + " was started again by its restart policy").isNotEqualTo("0");

        // The kernels wrote on, every number in its place, and each learner has the sandbox they had.
        Map<String, Integer> after = linesWritten();
        for (Learner learner : learners) assertThat(after.get(learner.name)).isGreaterThan(written.get(learner.name));
        assertThat(sandboxesNow()).isEqualTo(sandboxes);
        assertThat(containersOfTheBox()).as("the box's containers after the " + part + " came back: none more, none gone").isEqualTo(containers);
    }

    @Test
    void aKillOfTheBridgeMidBuildFailsThatReleaseInWordsAndTheOneBeforeServesOn() throws Exception {
        GitClient git = new GitClient(box);
        String password = box.addUser("rosa");
        Path garden = git.project("garden", Map.of("index.html", "<p>first</p>"));
        assertThat(git.commitAndPush(garden, "rosa", password, "garden", "First")).contains("remote: garden is live at");
        Files.writeString(garden.resolve("learnbox.yaml"), "runtime: static\nbuild: echo started; sleep 300\n");
        Files.writeString(garden.resolve("index.html"), "<p>second</p>");
        git.commit(garden, "Second");
        Path told = Files.createTempFile("garden-push", ".txt");
        Process pushing = git.pushInBackground(garden, "rosa", password, "garden", told);
        String build = box.project + "-build-rosa-garden";
        Instant buildDeadline = Instant.now().plus(Duration.ofMinutes(2));
        while (box.docker("ps", "-q", "--filter", "name=" + build).stdout().isBlank()) {
            assertThat(Instant.now()).as("the build of rosa/garden started").isBefore(buildDeadline);
            Thread.sleep(300);
        }

        String pid = box.docker("inspect", "-f", "{{.State.Pid}}", box.project + "-bridge-1").requireSuccess().stdout().strip();
        new Shell(RunningBox.projectRoot(), Map.of()).run("kill", "-9", pid).requireSuccess();
        assertThat(pushing.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the push ended with the bridge").isTrue();
        assertThat(Files.readString(told)).contains("remote: started");
        box.awaitFrontDoor();

        // The release the crash left midway is failed with the reason, its build is gone, and the release before serves on.
        Learner rosa = new Learner(box, "rosa");
        rosa.logIn(password);
        Instant toldDeadline = Instant.now().plus(BACK_WITHIN);
        String releases = rosa.get("/repositories/garden/releases").body();
        while (!releases.contains("The box restarted while this release was being made; the release before it serves on.")) {
            assertThat(Instant.now()).as("the releases page tells why release 2 failed: " + releases).isBefore(toldDeadline);
            Thread.sleep(500);
            releases = rosa.get("/repositories/garden/releases").body();
        }
        assertThat(releases).contains("Push again to deploy.");
        assertThat(box.docker("ps", "-aq", "--filter", "name=" + build).stdout()).as("the build nobody waits for").isBlank();
        assertThat(new AppClient(box).fetch("garden--rosa", "/").body()).isEqualTo("<p>first</p>");
    }

    /** What does not answer yet: the login page, the hub, the gateway, a learner's lab. */
    private List<String> silentParts() {
        List<String> silent = new java.util.ArrayList<>();
        if (!box.answersItsFrontDoor()) silent.add("the front door (login page, hub or gateway)");
        for (Learner learner : learners) {
            try {
                HttpResponse<String> status = learner.server("GET", "/api/status", null);
                if (status.statusCode() != 200) silent.add(learner.name + "'s lab (" + status.statusCode() + ")");
            } catch (Exception notYet) {
                silent.add(learner.name + "'s lab (" + notYet.getClass().getSimpleName() + ")");
            }
        }
        return silent;
    }

    /** How many numbers each learner's kernel has written, after checking that none is missing. */
    private Map<String, Integer> linesWritten() {
        Map<String, Integer> written = new java.util.HashMap<>();
        for (Learner learner : learners) {
            String text = box.inSandbox(learner.name, "cat ~/counter.txt").requireSuccess().stdout();
            // A line being written as it was read is left for the next read.
            List<String> lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
            assertThat(lines).as(learner.name + "'s counter").isEqualTo(IntStream.range(0, lines.size()).mapToObj(String::valueOf).toList());
            written.put(learner.name, lines.size());
        }
        return written;
    }

    /** Every container of the box, its services' and those it started (sandboxes, apps, builds, readers), by name. */
    private List<String> containersOfTheBox() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String label : List.of("org.learnbox.box=" + box.project, "com.docker.compose.project=" + box.project)) {
            names.addAll(box.docker("ps", "-a", "--filter", "label=" + label, "--format", "{{.Names}}").requireSuccess().stdout().lines().toList());
        }
        return List.copyOf(names);
    }

    private Map<String, String> sandboxesNow() {
        Map<String, String> now = new java.util.TreeMap<>();
        for (Learner learner : learners) now.put(learner.name, box.containersOf(learner.name));
        return now;
    }
}
