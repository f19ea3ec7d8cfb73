package org.learnbox.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learnbox.gateway.LocalServers.answer;
import static org.learnbox.gateway.LocalServers.server;


import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A release switch as the bridge makes it, against the real gateway, with the interleavings that
 * lose requests forced rather than hoped for: the retire lands while the gateway looks the app up,
 * while a request is inside the old release, or the old release goes away under a request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "learnbox.gateway.shared-secret=switch-secret", "learnbox.gateway.start-timeout=2s",
        "learnbox.gateway.drain-timeout=20s"})
class ReleaseSwitchTest {
    static final String SECRET = "Bearer switch-secret";
    static final HttpServer OLD = server();
    static final HttpServer NEW = server();
    static final HttpServer BRIDGE = server();
    static final CountDownLatch OLD_ENTERED = new CountDownLatch(1);
    static final CountDownLatch OLD_MAY_ANSWER = new CountDownLatch(1);
    static final AtomicInteger OLD_REQUESTS = new AtomicInteger();
    static final AtomicInteger WAKES = new AtomicInteger();
    /** The release the bridge answers with: a container id and its address. */
    static final AtomicReference<String[]> CURRENT = new AtomicReference<>();
    /** Runs inside the bridge's answer to a wake, before it answers: what lands during the gateway's lookup. */
    static final AtomicReference<Runnable> DURING_LOOKUP = new AtomicReference<>(() -> {});
    static int gatewayPort;

    static {
        OLD.createContext("/", exchange -> {
            OLD_REQUESTS.incrementAndGet();
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                OLD_ENTERED.countDown();
                await(OLD_MAY_ANSWER);
            }
            answer(exchange, 200, "old");
        });
        NEW.createContext("/", exchange -> answer(exchange, 200, "new"));
        BRIDGE.createContext("/hub-api/apps/wake", exchange -> {
            WAKES.incrementAndGet();
            String[] release = CURRENT.get();
            DURING_LOOKUP.getAndSet(() -> {}).run();
            answer(exchange, 200, "{\"target\":\"" + release[1] + "\",\"container\":\"" + release[0] + "\"}");
        });
        OLD.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        OLD.start();
        NEW.start();
        BRIDGE.start();
    }

    @Autowired WakeAndRoute routing;
    @Autowired ReleasesInUse releases;
    @LocalServerPort int port;
    final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void bridge(DynamicPropertyRegistry registry) {
        registry.add("learnbox.gateway.bridge-url", () -> "http://127.0.0.1:" + BRIDGE.getAddress().getPort());
    }

    @BeforeEach
    void oneAppOnTheOldRelease() {
        gatewayPort = port;
        routing.forget("quiz--ada.apps.localhost");
        CURRENT.set(new String[] {"old-" + System.nanoTime(), address(OLD)});
    }

    @AfterAll
    static void stop() {
        OLD.stop(0);
        NEW.stop(0);
        BRIDGE.stop(0);
    }

    @Test
    void aRetireThatLandsWhileTheGatewayLooksTheAppUpSendsNothingIntoTheOldRelease() throws Exception {
        String old = CURRENT.get()[0];
        int oldRequests = OLD_REQUESTS.get();
        // The bridge's answer names the old release, but the switch and its retire land before it arrives.
        DURING_LOOKUP.set(() -> {
            CURRENT.set(new String[] {"new", address(NEW)});
            forget(old);
        });
        HttpResponse<String> answer = get("/");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("new");
        assertThat(OLD_REQUESTS.get()).as("requests sent into the retired release").isEqualTo(oldRequests);
    }

    @Test
    void aReleaseIsDrainedOnlyOnceTheRequestsInsideItHaveAnswered() throws Exception {
        String old = CURRENT.get()[0];
        assertThat(get("/").body()).as("the gateway knows the old release").isEqualTo("old");
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(request("/slow", "GET"), HttpResponse.BodyHandlers.ofString());
        assertThat(OLD_ENTERED.await(10, TimeUnit.SECONDS)).as("the slow request reached the old release").isTrue();

        CURRENT.set(new String[] {"new", address(NEW)});
        CompletableFuture<HttpResponse<String>> drained = client.sendAsync(bridgeCall("/.learnbox/drain?container=" + old),
                HttpResponse.BodyHandlers.ofString());
        // Once the retire is marked, a new request goes to the new release, even with the old address remembered.
        Instant deadline = Instant.now().plusSeconds(10);
        while (!get("/").body().equals("new")) {
            assertThat(Instant.now()).as("requests still reach the retiring release").isBefore(deadline);
        }
        assertThat(drained).as("drained while a request is inside the old release").isNotDone();
        assertThat(releases.inUse(old)).isEqualTo(1);

        OLD_MAY_ANSWER.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).body()).as("the request inside the old release ends well").isEqualTo("old");
        assertThat(drained.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        assertThat(releases.inUse(old)).isZero();
    }

    @Test
    void aSafeRequestCaughtInAReleaseThatRetiresAndGoesIsSentOnceMoreToTheNewOneAndAPostIsNot() throws Exception {
        // A release that outlived its drain: the bridge retires it while a request is inside, and it goes
        // (it takes the connection and closes it without an answer).
        try (DyingRelease dying = new DyingRelease(true)) {
            HttpResponse<String> safe = get("/");
            assertThat(safe.statusCode()).as(safe.body()).isEqualTo(200);
            assertThat(safe.body()).isEqualTo("new");

            routing.forget("quiz--ada.apps.localhost");
            dying.becomeCurrent("dying-again");
            int before = dying.connections.get();
            HttpResponse<String> posted = client.send(request("/", "POST"), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as("a POST is not sent twice, and is no server error").isEqualTo(502);
            assertThat(posted.body()).contains("The app closed the connection before it answered");
            assertThat(dying.connections.get() - before).as("connections of the POST to the release").isEqualTo(1);
        }
    }

    @Test
    void aRequestThatCrashedItsAppIsNotSentAgainAndIsAnsweredInWords() throws Exception {
        try (DyingRelease crashing = new DyingRelease(false)) {
            HttpResponse<String> answer = get("/crash");
            assertThat(answer.statusCode()).isEqualTo(502);
            assertThat(answer.body()).contains("The app closed the connection before it answered");
            assertThat(crashing.connections.get()).as("the request that crashed the app, sent again").isEqualTo(1);
        }
    }

    @Test
    void aRequestThatCrashedItsAppOnAKeptConnectionIsNotSentAgainEither() throws Exception {
        try (KeepAliveThenCrash app = new KeepAliveThenCrash()) {
            assertThat(get("/one").body()).isEqualTo("fine");
            HttpResponse<String> answer = get("/crash");
            assertThat(answer.statusCode()).isEqualTo(502);
            assertThat(app.requests.get()).as("requests the app was sent: /one, and /crash once").isEqualTo(2);
        }
    }

    /** An app that answers its first request on a connection it keeps open, and crashes on the next. */
    private static final class KeepAliveThenCrash implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        final AtomicInteger requests = new AtomicInteger();

        KeepAliveThenCrash() throws IOException {
            CURRENT.set(new String[] {"keeper-" + System.nanoTime(), "http://127.0.0.1:" + socket.getLocalPort()});
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        while (readHead(connection.getInputStream())) {
                            if (requests.incrementAndGet() > 1) break; // crashes: the connection closes unanswered
                            connection.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nfine"
                                    .getBytes(StandardCharsets.US_ASCII));
                            connection.getOutputStream().flush();
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** An app's release that takes each connection, reads the request and closes it without an answer. */
    private static final class DyingRelease implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        /** Requests it was sent. */
        final AtomicInteger connections = new AtomicInteger();
        volatile String container;

        DyingRelease(boolean retiredMeanwhile) throws IOException {
            becomeCurrent("dying");
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        if (!readHead(connection.getInputStream())) continue; // the gateway's look at the port
                        connections.incrementAndGet();
                        if (retiredMeanwhile) {
                            CURRENT.set(new String[] {"new", address(NEW)});
                            forget(container);
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        void becomeCurrent(String name) {
            container = name + "-" + System.nanoTime();
            CURRENT.set(new String[] {container, "http://127.0.0.1:" + socket.getLocalPort()});
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void onlyTheBridgeRetiresOrDrainsARelease() throws Exception {
        HttpRequest forged = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/.learnbox/drain?container=x"))
                .header("Authorization", "Bearer wrong").POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(client.send(forged, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        HttpRequest forget = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/.learnbox/forget?host=quiz--ada.apps.localhost&retiring=" + CURRENT.get()[0]))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(client.send(forget, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        assertThat(releases.retires(CURRENT.get()[0])).isFalse();
    }

    private static void forget(String retiring) {
        try {
            HttpResponse<Void> said = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort
                            + "/.learnbox/forget?host=quiz--ada.apps.localhost&retiring=" + retiring))
                    .header("Authorization", SECRET).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            if (said.statusCode() != 204) throw new AssertionError("forget answered " + said.statusCode());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpRequest bridgeCall(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", SECRET)
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path, "GET"), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String method) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Host", "quiz--ada.apps.localhost:" + port).header("Accept", "*/*")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("answer=42")
                        : HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build();
    }

    /** Reads a request's head; false when the connection ended before one came. */
    private static boolean readHead(InputStream in) throws IOException {
        List<Integer> last = new CopyOnWriteArrayList<>();
        int b;
        while ((b = in.read()) >= 0) {
            last.add(b);
            int n = last.size();
            if (n >= 4 && last.get(n - 4) == '\r' && last.get(n - 3) == '\n' && last.get(n - 2) == '\r' && last.get(n - 1) == '\n') return true;
        }
        return false;
    }

    private static String address(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


}
