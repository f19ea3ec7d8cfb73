package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A box with room for one sandbox and a short idle timeout: the limit refuses, the culler frees.
 * It runs with monitoring on ({@code ./box up --monitoring}): Prometheus scrapes what it does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmallBoxE2EIT {
    private static final int PROMETHEUS_PORT = 18250; // beside the small box's ports (its offset 200 puts the bridge at 18290)
    private RunningBox box;
    private Learner first;
    private Learner second;
    private String secondPassword;

    @BeforeAll
    void startASmallBox() throws Exception {
        box = RunningBox.startBox("lbsmall", 200, Map.of(
                "LEARNBOX_SANDBOX_MAX_RUNNING", "1",
                "LEARNBOX_IDLE_TIMEOUT", "20s",
                "LEARNBOX_CULL_EVERY", "5s",
                "LEARNBOX_MONITORING_PORT", String.valueOf(PROMETHEUS_PORT),
                "LEARNBOX_MONITORING_EVERY", "2s"), "--monitoring");
        first = new Learner(box, "first");
        second = new Learner(box, "second");
        String firstPassword = box.addUser("first");
        secondPassword = box.addUser("second");
        first.logInToLab(firstPassword);
    }

    @AfterAll
    void removeTheBox() {
        if (box != null) box.close();
    }


    @Test
    @Order(1)
    void whenEverySandboxIsInUseTheSpawnPageSaysSoAndNothingIsMade() throws Exception {
        java.net.http.HttpResponse<String> spawnPage = second.spawnFailurePage(second.logIn(secondPassword));
        assertThat(spawnPage.statusCode()).isIn(500, 503);
        assertThat(spawnPage.body()).contains(
                "All 1 sandboxes of this box are in use. Try again in a few minutes, or ask your teacher.");
        assertThat(box.containersOf("second")).isEmpty();
        assertThat(box.containersOf("first")).isNotEmpty();
    }

    @Test
    @Order(2)
    void anIdleServerSleepsAndItsPlaceGoesToTheNextLearner() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        // The culler logs once the hub's stop has answered, which is after the sandbox is frozen.
        while (!isAsleep("first") || !bridgeLogs().contains("put idle servers of [first] to sleep")) {
            assertThat(Instant.now()).as("the idle server of 'first' was not put to sleep by the culler").isBefore(deadline);
            Thread.sleep(1000);
        }

        second.startServer();
        assertThat(box.containersOf("second")).isNotEmpty();
        assertThat(isAsleep("first")).as("a sleeper takes no place among the running: it sleeps on").isTrue();
    }

    @Test
    @Order(3)
    void prometheusScrapesTheBridgeJupyterHubAndTheGatewayAndSeesTheRunningServer() throws Exception {
        assertThat(box.upOutput).contains("Monitoring is on: Prometheus at http://127.0.0.1:" + PROMETHEUS_PORT + "/");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Map<String, String> health;
        while (!(health = targetsHealth()).equals(Map.of("bridge", "up", "jupyterhub", "up", "gateway", "up", "prometheus", "up"))) {
            assertThat(Instant.now()).as("Prometheus's targets: " + health).isBefore(deadline);
            Thread.sleep(500);
        }
        // 'second' runs and 'first' sleeps (the test before): the bridge counts one of each, JupyterHub one running.
        while (!"1".equals(latest("learnbox_running_servers")) || !"1".equals(latest("jupyterhub_running_servers"))
                || !"1".equals(latest("learnbox_sleeping_servers"))) {
            assertThat(Instant.now()).as("the running and sleeping servers as Prometheus saw them: " + latest("learnbox_running_servers")
                    + " / " + latest("jupyterhub_running_servers") + " / " + latest("learnbox_sleeping_servers")).isBefore(deadline);
            Thread.sleep(500);
        }
        assertThat(latest("learnbox_total_users{role=\"student\"}")).isEqualTo("2");

        // Prometheus is this machine's alone: nothing answers on its port from a container's network.
        assertThat(box.docker("run", "--rm", "--add-host", "host.docker.internal:host-gateway", "--entrypoint", "curl",
                "learnbox/prometheus:latest", "-sS", "-m", "5", "http://host.docker.internal:" + PROMETHEUS_PORT + "/-/ready")
                .stderr()).contains("Failed to connect");
    }

    @Test
    @Order(4)
    void whenTheMachineHasTooLittleMemoryLeftANewServerIsRefusedInWordsAndNothingIsMade() throws Exception {
        second.stopServer(); // room by count: memory is what refuses
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!box.containersOf("second").isEmpty()) {
            assertThat(Instant.now()).as("the server of 'second' stopped").isBefore(deadline);
            Thread.sleep(500);
        }
        // More memory kept free than this machine has: as a box whose learners took all it had.
        box.boxWith(Map.of("LEARNBOX_SANDBOX_MIN_FREE_MEMORY", "100TB"), "up").requireSuccess();
        box.awaitFrontDoor();

        HttpResponse<String> spawnPage = second.spawnFailurePage(second.logIn(secondPassword));
        assertThat(spawnPage.statusCode()).isIn(500, 503);
        assertThat(spawnPage.body()).contains("This box has too little memory left for another notebook server (")
                .contains(" MiB free; it keeps 104857600 MiB for the work already running). Try again in a few minutes,");
        assertThat(box.containersOf("second")).as("no half-made sandbox").isEmpty();
        assertThat(box.containersOf("first")).as("the sleeper was put away to make room before the refusal").isEmpty();
        assertThat(box.docker("ps", "--filter", "name=lbsmall-hub-1", "--format", "{{.Status}}").requireSuccess().stdout())
                .as("the hub lives on").startsWith("Up");
        assertThat(box.answersItsFrontDoor()).isTrue();
    }

    private boolean isAsleep(String user) {
        return box.docker("inspect", "-f", "{{.State.Paused}}", box.sandboxContainer(user)).stdout().strip().equals("true");
    }

    private String bridgeLogs() {
        return box.docker("logs", "lbsmall-bridge-1").stdout();
    }

    private Map<String, String> targetsHealth() throws Exception {
        Map<String, String> health = new java.util.TreeMap<>();
        JsonNode targets = prometheus("/api/v1/targets?state=active").path("data").path("activeTargets");
        for (JsonNode target : targets) health.put(target.path("labels").path("job").asText(), target.path("health").asText());
        return health;
    }

    /** The latest value of a PromQL expression with one series, or null before there is one. */
    private String latest(String query) throws Exception {
        JsonNode result = prometheus("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).path("data").path("result");
        return result.size() == 1 ? result.get(0).path("value").get(1).asText() : null;
    }

    private JsonNode prometheus(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PROMETHEUS_PORT + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(answer.body());
    }
}
