package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A box with room for one sandbox and a short idle timeout: the limit refuses, the culler frees. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmallBoxE2EIT {
    private RunningBox box;
    private Learner first;
    private Learner second;
    private String secondPassword;

    @BeforeAll
    void startASmallBox() throws Exception {
        box = RunningBox.startBox("lbsmall", 200, Map.of(
                "LEARNBOX_SANDBOX_MAX_RUNNING", "1",
                "LEARNBOX_IDLE_TIMEOUT", "20s",
                "LEARNBOX_CULL_EVERY", "5s"));
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
    void anIdleServerIsStoppedAndItsPlaceGoesToTheNextLearner() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!box.containersOf("first").isEmpty()) {
            assertThat(Instant.now()).as("the idle server of 'first' was not stopped").isBefore(deadline);
            Thread.sleep(1000);
        }
        assertThat(box.docker("logs", "lbsmall-bridge-1").stdout()).contains("stopped idle servers of [first]");

        second.startServer();
        assertThat(box.containersOf("second")).isNotEmpty();
    }
}
