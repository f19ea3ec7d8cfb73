package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Servers stop, start, survive restarts of the box's parts, and homes survive everything. */
@ExtendWith(RunningBox.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleE2EIT {
    private final RunningBox box = RunningBox.get();


    @Test
    @Order(1)
    void homeFilesSurviveAServerStopAndStartAndARebuildOfTheSandboxImage() throws Exception {
        Learner ruth = new Learner(box, "ruth");
        ruth.logInToLab(box.addUser("ruth"));
        ruth.writeFile("notes.txt", "my work, kept\n");
        String firstContainer = box.containersOf("ruth");

        ruth.stopServer();
        assertThat(box.containersOf("ruth")).isEmpty();
        ruth.startServer();
        assertThat(box.containersOf("ruth")).isNotEqualTo(firstContainer);
        assertThat(ruth.readFile("notes.txt")).isEqualTo("my work, kept\n");

        ruth.stopServer();
        String oldImage = box.docker("image", "inspect", "-f", "{{.Id}}", RunningBox.SANDBOX_IMAGE).stdout().strip();
        box.shell.run(Duration.ofMinutes(5), "FROM " + RunningBox.SANDBOX_IMAGE + "\nLABEL org.learnbox.rebuilt=yes\n",
                "docker", "build", "-q", "-t", RunningBox.SANDBOX_IMAGE, "-").requireSuccess();
        assertThat(box.docker("image", "inspect", "-f", "{{.Id}}", RunningBox.SANDBOX_IMAGE).stdout().strip()).isNotEqualTo(oldImage);
        ruth.startServer();
        assertThat(box.docker("inspect", "-f", "{{index .Config.Labels \"org.learnbox.rebuilt\"}}", box.sandboxContainer("ruth"))
                .stdout().strip()).isEqualTo("yes");
        assertThat(ruth.readFile("notes.txt")).isEqualTo("my work, kept\n");
    }

    @Test
    @Order(2)
    void twoSpawnsOfOneUserAtOnceGiveOneContainer() throws Exception {
        box.addUser("twin");
        List<CompletableFuture<HttpResponse<String>>> spawns = List.of(
                CompletableFuture.supplyAsync(() -> startThroughBridge("twin")),
                CompletableFuture.supplyAsync(() -> startThroughBridge("twin")));
        List<HttpResponse<String>> answers = spawns.stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers.get(0).body()).isEqualTo(answers.get(1).body()).contains("\"url\":\"http://");
        assertThat(box.containersOf("twin").lines()).hasSize(1);
        assertThat(box.bridgeApi("POST", "/hub-api/sandboxes/twin/stop", null).statusCode()).isEqualTo(200);
        assertThat(box.containersOf("twin")).isEmpty();
    }

    private HttpResponse<String> startThroughBridge(String user) {
        try {
            return box.bridgeApi("POST", "/hub-api/sandboxes/" + user + "/start", "{\"env\":{}}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(3)
    void aMissingImageIsExplainedOnTheSpawnPageAndLeavesNoContainer() throws Exception {
        box.docker("rmi", "-f", RunningBox.SANDBOX_IMAGE).requireSuccess();
        try {
            Learner hopeful = new Learner(box, "hopeful");
            HttpResponse<String> spawnPage = hopeful.spawnFailurePage(hopeful.logIn(box.addUser("hopeful")));
            assertThat(spawnPage.statusCode()).isIn(500, 503);
            assertThat(spawnPage.body()).contains(
                    "The sandbox image " + RunningBox.SANDBOX_IMAGE + " is missing on this box. A teacher can build it with: ./box images");
            assertThat(box.containersOf("hopeful")).isEmpty();
            assertThat(box.docker("logs", RunningBox.PROJECT + "-bridge-1").stdout())
                    .contains("could not start the sandbox of hopeful: The sandbox image");
        } finally {
            box.docker("tag", "learnbox/sandbox:latest", RunningBox.SANDBOX_IMAGE).requireSuccess();
        }
    }

    @Test
    @Order(4)
    void restartingTheBridgeTheHubOrBothKeepsServersRunningAndRemovesSandboxesOfUnknownUsers() throws Exception {
        Learner sam = new Learner(box, "sam");
        sam.logInToLab(box.addUser("sam"));
        String samsContainer = box.containersOf("sam");
        String status = box.box(null, "status").requireSuccess().stdout();
        assertThat(status).containsPattern("sam\\s+Up ")
                .as("the machine learners run on, with its free memory").containsPattern("\\sbox\\s+ready\\s+yes\\s+\\d+\\s+[0-9.]+ GiB of ")
                .containsPattern("(?m)^    (.*, )?sam(,|$)");

        for (List<String> parts : List.of(List.of("bridge"), List.of("hub"), List.of("bridge", "hub"))) {
            box.docker("run", "-d", "--name", box.sandboxContainer("ghost"),
                    "--label", "org.learnbox.box=" + RunningBox.PROJECT, "--label", "org.learnbox.role=sandbox",
                    "--label", "org.learnbox.user=ghost", RunningBox.SANDBOX_IMAGE, "sleep", "infinity").requireSuccess();
            List<String> restart = new java.util.ArrayList<>(List.of("restart"));
            parts.forEach(part -> restart.add(RunningBox.PROJECT + "-" + part + "-1"));
            box.docker(restart.toArray(String[]::new)).requireSuccess();
            box.awaitFrontDoor();

            assertThat(box.containersOf("sam")).as("after restarting %s", parts).isEqualTo(samsContainer);
            assertThat(box.bridgeApi("GET", "/hub-api/sandboxes/sam", null).body()).contains("\"state\":\"running\"");
            try (KernelSession kernel = sam.startKernel("python3")) {
                assertThat(kernel.execute("print('still running')", Duration.ofSeconds(60)).stdout()).isEqualTo("still running\n");
            }
            if (parts.contains("bridge")) {
                assertThat(box.containersOf("ghost")).as("a sandbox of no account, after restarting %s", parts).isEmpty();
            } else {
                box.docker("rm", "-f", box.sandboxContainer("ghost")).requireSuccess();
            }
        }
        assertThat(box.box(null, "logs", "bridge").requireSuccess().stdout())
                .contains("removing the sandbox of ghost: the account is gone");
    }

    @Test
    @Order(5)
    void removingAUserRemovesTheirSandboxButKeepsTheirHome() throws Exception {
        Learner leaver = new Learner(box, "leaver");
        leaver.logInToLab(box.addUser("leaver"));
        box.box(null, "user", "remove", "leaver").requireSuccess();
        assertThat(box.containersOf("leaver")).isEmpty();
        assertThat(box.docker("volume", "ls", "-q", "--filter", "name=" + RunningBox.PROJECT + "-home-leaver").stdout())
                .contains(RunningBox.PROJECT + "-home-leaver");
    }

    @Test
    @Order(6)
    void boxDownStopsLearnersServersAndAppsAndUpBringsTheServersBackWithAccountsAndHomes() throws Exception {
        Learner kim = new Learner(box, "kim");
        String password = box.addUser("kim");
        kim.logInToLab(password);
        kim.writeFile("kept.txt", "across down and up\n");
        box.inSandbox("kim", "mkdir -p ~/site && echo '<h1>Kim was here</h1>' > ~/site/index.html").requireSuccess();
        AppClient apps = new AppClient(box);
        apps.publish(kim, "site");
        String app = box.project + "-app-kim-site";
        assertThat(apps.isRunning(app)).isTrue();

        Shell.Result down = box.box(null, "down").requireSuccess();
        assertThat(down.stderr()).containsPattern("stopped \\d+ learner servers? \\([^)]*\\bkim\\b[^)]*\\); they start again with the box")
                .containsPattern("put [1-9]\\d* live apps? to sleep; each wakes on its next visitor");
        assertThat(box.docker("ps", "-aq", "--filter", "name=^" + box.sandboxContainer("kim") + "$").requireSuccess().stdout()).isBlank();
        assertThat(apps.isRunning(app)).as("the app sleeps while the box is down").isFalse();
        Shell.Result up = box.box(null, "up").requireSuccess();
        assertThat(up.stdout()).doesNotContain("password").contains("LearnBox is up at http://localhost:" + RunningBox.PORT + "/");

        // kim's server starts again with the box, before kim comes back.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!apps.isRunning(box.sandboxContainer("kim"))) {
            assertThat(Instant.now()).as("kim's sandbox starts again with the box").isBefore(deadline);
            Thread.sleep(500);
        }
        Learner again = new Learner(box, "kim");
        again.logInToLab(password);
        assertThat(again.readFile("kept.txt")).isEqualTo("across down and up\n");
        assertThat(apps.fetch("site--kim", "/").body()).as("the app wakes on its first visitor").contains("Kim was here");
    }
}
