package org.learnbox.bridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.config.TestProperties;

/** The bridge's client of JupyterHub's REST API against a stand-in hub. */
class JupyterHubClientTest {
    private static final int STARTING_AT_ONCE = 12;
    private final CountDownLatch serversUp = new CountDownLatch(1);
    private final CountDownLatch startsHeld = new CountDownLatch(STARTING_AT_ONCE);
    private HttpServer hub;

    @AfterEach
    void stopHub() {
        serversUp.countDown();
        if (hub != null) hub.stop(0);
    }

    /**
     * The hub answers a start only once the server is up; meanwhile a class's other questions (each
     * login asks whether its server runs) must still be answered, however many starts are under way.
     */
    @Test
    void startsTheHubHoldsOpenHoldNoOtherQuestionBack() throws Exception {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        hub.createContext("/hub/api/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = new byte[0];
            if (exchange.getRequestMethod().equals("POST") && path.endsWith("/server")) {
                startsHeld.countDown();
                try {
                    serversUp.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            } else if (exchange.getRequestMethod().equals("GET")) {
                body = """
                        {"name": "asker", "servers": {"": {"ready": true, "pending": null}}}""".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body.length == 0 ? 201 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        hub.start();
        JupyterHubClient client = new JupyterHubClient(TestProperties.of("box", TestProperties.sandbox("img"),
                TestProperties.hub("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub/api"),
                TestProperties.courses("data/courses")));

        List<Thread> starts = new ArrayList<>();
        for (int i = 0; i < STARTING_AT_ONCE; i++) {
            String learner = "learner" + i;
            starts.add(Thread.ofVirtual().start(() -> client.startServer(learner)));
        }
        assertThat(startsHeld.await(30, TimeUnit.SECONDS)).as("every start reached the hub at once").isTrue();

        assertThat(client.serverStartingOrRunning("asker")).isTrue();

        serversUp.countDown();
        for (Thread start : starts) assertThat(start.join(java.time.Duration.ofSeconds(30))).isTrue();
    }
}
