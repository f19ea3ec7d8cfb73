package org.learnbox.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learnbox.gateway.LocalServers.answer;
import static org.learnbox.gateway.LocalServers.server;


import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real gateway between a client and two plain HTTP servers: one plays the bridge (it knows
 * one app, and says so in words for any other), one the app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "learnbox.gateway.shared-secret=gateway-test-secret", "learnbox.gateway.requests-per-minute=5",
        "learnbox.gateway.start-timeout=2s", "learnbox.gateway.waiting-page-after=1s"})
class GatewayRoutingTest {
    static final HttpServer APP = server();
    static final HttpServer BRIDGE = server();
    static final AtomicInteger WAKES = new AtomicInteger();
    static final AtomicInteger DROPPED_AT = new AtomicInteger();
    static final int CLOSED_PORT = closedPort();

    static {
        APP.createContext("/", exchange -> answer(exchange, 200, "app saw " + exchange.getRequestURI()
                + " for " + exchange.getRequestHeaders().getFirst("Host")));
        BRIDGE.createContext("/hub-api/apps/wake", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean authorized = "Bearer gateway-test-secret".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            int wake = WAKES.incrementAndGet();
            if (body.contains("dropped--ada") && DROPPED_AT.compareAndSet(0, wake) || body.contains("unreachable--ada")) {
                exchange.close(); // no answer: the connection is dropped
            } else if (authorized && (body.contains("quiz--ada") || body.contains("dropped--ada") || body.contains("meter--ada"))) {
                answer(exchange, 200, "{\"target\":\"http://127.0.0.1:" + APP.getAddress().getPort() + "\"}");
            } else if (authorized && body.contains("sleepy--ada")) {
                answer(exchange, 200, "{\"target\":\"http://127.0.0.1:" + CLOSED_PORT + "\"}");
            } else {
                answer(exchange, 404, "{\"message\":\"There is no app at that address.\"}");
            }
        });
        APP.start();
        BRIDGE.start();
    }

    @LocalServerPort int port;
    final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void bridge(DynamicPropertyRegistry registry) {
        registry.add("learnbox.gateway.bridge-url", () -> "http://127.0.0.1:" + BRIDGE.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        APP.stop(0);
        BRIDGE.stop(0);
    }

    @Test
    void anAppIsReachedByItsHostNameAndSeesThePathQueryAndHostAskedFor() throws Exception {
        HttpResponse<String> answer = get("quiz--ada", "/scores?top=3", "*/*");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("app saw /scores?top=3 for quiz--ada.apps.localhost:" + port);
    }

    @Test
    void onlyTheBridgeMayAskAboutATargetOrTellTheGatewayToForgetAnAddress() throws Exception {
        String app = "http://127.0.0.1:" + APP.getAddress().getPort();
        String target = "/.learnbox/ready?target=" + java.net.URLEncoder.encode(app, StandardCharsets.UTF_8);
        assertThat(send("GET", target, null).statusCode()).as("no port scanner for the world").isEqualTo(403);
        assertThat(send("GET", target, "Bearer gateway-test-secret").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/.learnbox/ready?target=" + java.net.URLEncoder.encode("http://127.0.0.1:" + CLOSED_PORT,
                StandardCharsets.UTF_8), "Bearer gateway-test-secret").statusCode()).isEqualTo(503);
        assertThat(send("POST", "/.learnbox/forget?host=quiz--ada.apps.localhost", "Bearer wrong").statusCode()).isEqualTo(403);

        get("quiz--ada", "/", "*/*");
        int asked = WAKES.get();
        get("quiz--ada", "/", "*/*");
        assertThat(WAKES.get()).as("remembered for a moment").isEqualTo(asked);
        assertThat(send("POST", "/.learnbox/forget?host=quiz--ada.apps.localhost", "Bearer gateway-test-secret")
                .statusCode()).isEqualTo(204);
        get("quiz--ada", "/", "*/*");
        assertThat(WAKES.get()).as("asked again after the bridge said it moved").isEqualTo(asked + 1);
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) request.header("Authorization", authorization);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePreviewHostGetsTheSnippetPreviewPageAndTheBridgeIsNotAsked() throws Exception {
        int asked = WAKES.get();
        HttpResponse<String> page = get("preview", "/", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("learnboxPreview", "sandbox=\"allow-scripts allow-modals allow-forms\"");
        assertThat(WAKES.get()).as("no app is woken for it").isEqualTo(asked);
        assertThat(get("preview", "/anything", "text/html").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownAppIsAnsweredInTheBridgesWords() throws Exception {
        HttpResponse<String> answer = get("nothing--ada", "/", "text/html");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("There is no app at that address.");
    }

    @Test
    void aWakeThatGotNoAnswerIsAskedOnceMoreAndABridgeThatNeverAnswersIsSaidInWords() throws Exception {
        HttpResponse<String> answer = get("dropped--ada", "/again", "*/*");
        assertThat(DROPPED_AT.get()).as("the first wake was dropped").isPositive();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("app saw /again");

        int asked = WAKES.get();
        HttpResponse<String> unanswered = get("unreachable--ada", "/", "text/html");
        assertThat(unanswered.statusCode()).isEqualTo(503);
        assertThat(unanswered.body()).contains("The box did not say where this app is just now", "Try again in a moment");
        assertThat(WAKES.get() - asked).as("asked twice, no more").isEqualTo(2);
    }

    @Test
    void anAppThatDoesNotAnswerGetsABrowserAWaitingPageAndAProgramATimeout() throws Exception {
        HttpResponse<String> browser = get("sleepy--ada", "/", "text/html,application/xhtml+xml");
        assertThat(browser.statusCode()).isEqualTo(503);
        assertThat(browser.body()).contains("was asleep and is starting now", "http-equiv=\"refresh\"");
        HttpResponse<String> program = get("sleepy--ada", "/", "application/json");
        assertThat(program.statusCode()).isEqualTo(504);
        assertThat(program.body()).contains("did not open its port within 2 s");
    }

    @Test
    void requestsBeyondTheAppsShareAreRefusedInWords() throws Exception {
        int refusedAt = -1;
        for (int i = 0; i < 10 && refusedAt < 0; i++) {
            if (get("limited--ada", "/", "*/*").statusCode() == 429) refusedAt = i;
        }
        assertThat(refusedAt).isEqualTo(5);
        assertThat(get("limited--ada", "/", "*/*").body()).contains("more than 5 requests in the last minute");
    }

    @Test
    void metricsAnswerThisMachineAloneAndAnAppsOwnMetricsStayTheApps() throws Exception {
        assertThat(get("meter--ada", "/", "*/*").statusCode()).isEqualTo(200);
        HttpResponse<String> own = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).containsPattern("learnbox_app_request_duration_seconds_count\\{code=\"200\"\\} [1-9]")
                .containsPattern("learnbox_app_wake_duration_seconds_count\\{outcome=\"ready\"\\} [1-9]")
                .contains("jvm_memory_used_bytes");

        HttpResponse<String> apps = get("meter--ada", "/metrics", "*/*");
        assertThat(apps.body()).isEqualTo("app saw /metrics for meter--ada.apps.localhost:" + port);

        // From this machine's other address, as a visitor or a container comes: no figures.
        java.net.InetAddress outside = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (java.net.SocketException e) { return false; } })
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address).findFirst().orElseThrow();
        HttpResponse<String> stranger = client.send(HttpRequest.newBuilder(
                URI.create("http://" + outside.getHostAddress() + ":" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).doesNotContain("learnbox_", "jvm_");
    }

    private HttpResponse<String> get(String app, String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Host", app + ".apps.localhost:" + port).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }



    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
