package org.learnbox.bridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.TestProperties;
import org.learnbox.bridge.sandbox.SleepRequests;
import org.springframework.util.unit.DataSize;

/** The culler against a stand-in for JupyterHub's REST API that answers as JupyterHub 5 does. */
class IdleCullerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final SleepRequests sleeps = new SleepRequests();
    private HttpServer hub;

    @AfterEach
    void stopHub() {
        if (hub != null) hub.stop(0);
    }

    private IdleCuller cullerAgainst(String usersJson) throws Exception {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/hub/api/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = exchange.getRequestMethod().equals("GET") ? usersJson.getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(body.length == 0 ? 204 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        hub.start();
        LearnboxProperties properties = TestProperties.of("box", TestProperties.sandbox("img"),
                TestProperties.hub("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub/api"),
                TestProperties.courses("data/courses"));
        return new IdleCuller(new JupyterHubClient(properties), sleeps, properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void putsToSleepReadyServersIdleLongerThanTheTimeoutAndNoOthers() throws Exception {
        IdleCuller culler = cullerAgainst("""
                [
                 {"name": "idle", "kind": "user", "servers": {"": {"ready": true, "pending": null,
                   "last_activity": "2026-11-25T11:20:00.123456Z"}}},
                 {"name": "busy", "kind": "user", "servers": {"": {"ready": true, "pending": null,
                   "last_activity": "2026-11-25T11:45:00Z"}}},
                 {"name": "starting", "kind": "user", "servers": {"": {"ready": false, "pending": "spawn",
                   "last_activity": "2026-11-25T10:00:00Z"}}},
                 {"name": "stopped", "kind": "user", "servers": {}}
                ]
                """);
        assertThat(culler.cull()).containsExactly("idle");
        assertThat(requests).containsExactly(
                "GET /hub/api/users token test-secret",
                "DELETE /hub/api/users/idle/server token test-secret");
        assertThat(sleeps.isAsked("idle")).as("the hub's stop of idle's server is a sleep").isTrue();
        assertThat(sleeps.isAsked("busy")).isFalse();
    }
}
