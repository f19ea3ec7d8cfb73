package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** A learner logs in through the front door, is handed to JupyterHub, and runs code in their own lab. */
@ExtendWith(RunningBox.class)
class LoginAndSpawnE2EIT {
    private final RunningBox box = RunningBox.get();

    @Test
    void loginLeadsToOwnJupyterLabWithProgressAndARunningPythonKernel() throws Exception {
        String password = box.addUser("ada");
        Learner ada = new Learner(box, "ada");

        HttpResponse<String> landed = ada.logIn(password);
        assertThat(landed.uri().getPath()).isIn("/hub/spawn-pending/ada", "/user/ada/lab");
        List<JsonNode> events = ada.spawnProgress();
        assertThat(events).extracting(e -> e.path("message").asString())
                .contains("Container created", "Container started", "Waiting for JupyterLab to answer")
                .anyMatch(message -> message.startsWith("Sandbox image") && message.endsWith("is ready"));
        assertThat(events.getLast().path("ready").asBoolean()).isTrue();

        ada.awaitLab();
        HttpResponse<String> lab = ada.get("/user/ada/lab");
        assertThat(lab.statusCode()).isEqualTo(200);
        assertThat(lab.uri().getPath()).isEqualTo("/user/ada/lab");
        assertThat(lab.body()).contains("JupyterLab");
        assertThat(ada.server("GET", "/api/kernelspecs", null).body()).contains("\"python3\"");

        try (KernelSession kernel = ada.startKernel("python3")) {
            KernelSession.Outcome outcome = kernel.execute("import os\nprint(os.getuid(), 6 * 7)\nos.environ['HOME']", Duration.ofSeconds(60));
            assertThat(outcome.error()).isNull();
            assertThat(outcome.stdout()).isEqualTo("1000 42\n");
            assertThat(outcome.result()).isEqualTo("'/home/learner'");
            // A lesson's plot: drawn inline, as a picture in the notebook.
            KernelSession.Outcome plot = kernel.execute("import matplotlib.pyplot as plt, numpy as np\n"
                    + "plt.plot(np.arange(10), np.arange(10) ** 2)\nplt.show()", Duration.ofSeconds(90));
            assertThat(plot.error()).isNull();
            assertThat(plot.displayed()).contains("<Figure size");
        }
    }

    @Test
    void theBoxsMetricsAndHealthAreOpenOnTheBridgesOwnPortRefusedInWordsAtTheFrontDoorAndEveryServiceIsHealthy() throws Exception {
        String password = box.addUser("metered-ada");
        Learner learner = new Learner(box, "metered-ada");
        learner.logIn(password);
        learner.awaitLab();
        HttpResponse<String> own = box.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + box.bridgePort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).containsPattern("(?m)^learnbox_running_servers [1-9]")
                .containsPattern("learnbox_server_spawn_duration_seconds_count\\{status=\"success\"\\} [1-9]")
                .as("the apps counted from the engine, not a gap").containsPattern("(?m)^learnbox_apps\\{state=\"running\"} [0-9]");
        // The front door's proxy marks what passed it: without an admin's token, words and no figures.
        HttpResponse<String> front = box.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(box.url("/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(front.statusCode()).isEqualTo(401);
        assertThat(front.body()).startsWith("The box's metrics and health are for its admin.");

        HttpResponse<String> ready = box.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + box.bridgePort + "/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode parts = tools.jackson.databind.json.JsonMapper.builder().build().readTree(ready.body()).path("components");
        for (String part : List.of("db", "docker", "hub")) assertThat(parts.path(part).path("status").asString()).as(part).isEqualTo("UP");
        // JupyterHub's own, read by the bridge with its service's token, beside the bridge's.
        HttpResponse<String> hubs = box.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + box.bridgePort + "/metrics/hub")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hubs.statusCode()).as(hubs.body()).isEqualTo(200);
        assertThat(hubs.body()).containsPattern("(?m)^jupyterhub_running_servers(\\{[^}]*\\})? [1-9]");
        // The app gateway's own, to this machine.
        HttpResponse<String> gateway = box.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + box.appsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(gateway.statusCode()).isEqualTo(200);
        assertThat(gateway.body()).contains("# TYPE jvm_memory_used_bytes gauge");
        // Every service of the compose file has a healthcheck, and each says healthy.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(90);
        for (String service : List.of("proxy", "hub", "bridge", "gateway")) {
            String container = box.project + "-" + service + "-1";
            String health;
            while (!(health = box.docker("inspect", "--format", "{{.State.Health.Status}}", container).requireSuccess().stdout().strip())
                    .equals("healthy")) {
                assertThat(java.time.Instant.now()).as(container + " is " + health).isBefore(deadline);
                Thread.sleep(500);
            }
        }
    }

    @Test
    void aTeacherLandsOnTheDashboardAndTheirLabStartsWhenTheyOpenIt() throws Exception {
        String password = box.addUser("mr-dash", "teacher");
        Learner teacher = new Learner(box, "mr-dash");
        HttpResponse<String> answer = teacher.logInWithoutFollowing(password);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(java.net.URI.create(answer.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/");
        String sandbox = "name=^" + box.sandboxContainer("mr-dash") + "$";
        assertThat(box.docker("ps", "-aq", "--filter", sandbox).requireSuccess().stdout()).as("no sandbox at a teacher's login").isBlank();
        teacher.startServer(); // "Open my JupyterLab"
        assertThat(box.docker("ps", "-q", "--filter", sandbox).requireSuccess().stdout()).isNotBlank();
    }

    @Test
    void theSandboxStartsAsSoonAsTheLearnerLogsIn() throws Exception {
        String password = box.addUser("eager");
        HttpResponse<String> answer = new Learner(box, "eager").logInWithoutFollowing(password);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/hub/learnbox/callback?token=").endsWith("&next=%2Fhub%2Fspawn%3Fnext%3D%252Fuser%252Feager%252Flab"));
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (box.docker("ps", "-q", "--filter", "name=" + box.sandboxContainer("eager")).stdout().isBlank()) {
            assertThat(java.time.Instant.now()).as("no sandbox started at login").isBefore(deadline);
            Thread.sleep(200);
        }
        assertThat(new Learner(box, "nobody").logInWithoutFollowing("wrong-password").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void aWrongPasswordGetsOneMessageThatDoesNotTellWhetherTheAccountExists() throws Exception {
        box.addUser("grace");
        HttpResponse<String> wrongPassword = new Learner(box, "grace").logIn("not-her-password");
        HttpResponse<String> noSuchAccount = new Learner(box, "nobody-here").logIn("not-her-password");

        for (HttpResponse<String> page : List.of(wrongPassword, noSuchAccount)) {
            assertThat(page.uri().getPath()).isEqualTo("/login");
            assertThat(page.uri().getQuery()).isEqualTo("error");
            assertThat(page.body()).contains("Wrong name or password.");
        }
        assertThat(withoutCsrf(wrongPassword.body())).isEqualTo(withoutCsrf(noSuchAccount.body()));
    }

    @Test
    void theFrontPageIsTheLoginPageAndStoppedServersLeadBackToIt() throws Exception {
        Learner stranger = new Learner(box, "stranger");
        HttpResponse<String> front = stranger.get("/");
        assertThat(front.statusCode()).isEqualTo(200);
        assertThat(front.body()).contains("Log in to open your own JupyterLab");

        HttpResponse<String> someonesLab = stranger.get("/user/ada/lab");
        assertThat(someonesLab.uri().getPath()).isEqualTo("/login");
    }

    @Test
    void loggingOutOfTheHubLogsOutOfTheBridgeToo() throws Exception {
        String password = box.addUser("leaver");
        Learner leaver = new Learner(box, "leaver");
        leaver.logInToLab(password);

        HttpResponse<String> out = leaver.get("/hub/logout"); // also JupyterLab's File > Log Out
        assertThat(out.uri().toString()).isEqualTo(box.url("/login?logout"));
        assertThat(out.body()).contains("You are logged out.");
        for (String path : List.of("/user/leaver/lab", "/hub/spawn", "/")) {
            HttpResponse<String> again = leaver.get(path);
            assertThat(again.uri().getPath()).as(path).isEqualTo("/login");
            assertThat(again.body()).as(path).contains("id=\"password\"");
        }
    }

    /**
     * A changed password ends the person's logins elsewhere: the bridge's, the hub's and the labs' (within
     * the lab's minute of trust in a token), and not the one that changed it, whose lab goes on.
     */
    @Test
    void aChangedPasswordEndsTheLabOnAnotherComputerAndKeepsTheOneThatChangedIt() throws Exception {
        String password = box.addUser("nia");
        Learner laptop = new Learner(box, "nia");
        Learner library = new Learner(box, "nia");
        laptop.logInToLab(password);
        library.logInToLab(password);
        assertThat(library.server("GET", "/api/status", null).statusCode()).isEqualTo(200);

        HttpResponse<String> changed = Classes.submit(laptop, "/account/password", "/account/password",
                "current=" + Learner.enc(password) + "&password=nia-new-password&again=nia-new-password");
        assertThat(changed.body()).contains("you are logged out everywhere else (1 place)");

        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        int status;
        while ((status = library.server("GET", "/api/status", null).statusCode()) == 200) {
            assertThat(Instant.now()).as("the lab on the other computer ends").isBefore(deadline);
            Thread.sleep(1000);
        }
        System.out.printf("the other computer's lab refused after the password change (%d)%n", status);
        assertThat(laptop.server("GET", "/api/status", null).statusCode()).as("the changer's own lab goes on").isEqualTo(200);
        HttpResponse<String> elsewhere = library.get("/hub/home");
        assertThat(elsewhere.uri().getPath()).as("the other computer is sent to log in").isEqualTo("/login");
        HttpResponse<String> here = laptop.get("/hub/home");
        assertThat(here.uri().getPath()).as("the changer's hub page, logged in again through the bridge").isEqualTo("/hub/home");
    }

    @Test
    void theBoxScriptManagesAccountsAndRefusesBadNamesAndDuplicates() {
        box.addUser("linus");
        Shell.Result duplicate = box.box("another-password", "user", "add", "linus", "--password-stdin");
        assertThat(duplicate.exitCode()).isNotZero();
        assertThat(duplicate.stderr()).contains("There is already an account named 'linus'.");

        for (String bad : List.of("Linus", "l", "has space", "-dash", "a_b", "x".repeat(33))) {
            Shell.Result refused = box.box("a-good-password", "user", "add", bad, "--password-stdin");
            assertThat(refused.exitCode()).as(bad).isNotZero();
            assertThat(refused.stderr()).as(bad).contains("is not a valid name: use 2 to 32 lowercase letters");
        }
        Shell.Result shortPassword = box.box("short", "user", "add", "tiny-pw", "--password-stdin");
        assertThat(shortPassword.stderr()).contains("at least 8 characters");
        Shell.Result badRole = box.box("a-good-password", "user", "add", "rolly", "--role", "janitor", "--password-stdin");
        assertThat(badRole.stderr()).contains("'janitor' is not a role: use one of student, teacher, admin");

        box.box("a-good-password", "user", "add", "mrs-t", "--role", "teacher", "--password-stdin").requireSuccess();
        assertThat(box.box(null, "user", "list").requireSuccess().stdout())
                .containsPattern("linus\\s+student").containsPattern("mrs-t\\s+teacher").containsPattern("admin\\s+admin");

        box.box(null, "user", "remove", "linus").requireSuccess();
        assertThat(box.box(null, "user", "list").stdout()).doesNotContain("linus");
        assertThat(box.box(null, "user", "remove", "linus").stderr()).contains("There is no account named 'linus'.");
    }

    private static String withoutCsrf(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }
}
