package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.ObjectMapper;

/** A terminal in the lab, reached over its WebSocket through the front door as JupyterLab reaches it. */
@ExtendWith(RunningBox.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminalE2EIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTerminalRunsWhatTheLearnerTypes() throws Exception {
        RunningBox box = RunningBox.get();
        Learner tomas = new Learner(box, "tomas");
        tomas.logInToLab(box.addUser("tomas"));
        HttpResponse<String> made = tomas.server("POST", "/api/terminals", null);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        String name = JSON.readTree(made.body()).path("name").asString();

        StringBuffer screen = new StringBuffer();
        AtomicReference<String> closed = new AtomicReference<>();
        WebSocket socket = tomas.http.newWebSocketBuilder()
                .header("Cookie", tomas.cookieHeader())
                .header("X-XSRFToken", tomas.cookie("_xsrf", "/user/tomas"))
                .connectTimeout(Duration.ofSeconds(20))
                .buildAsync(URI.create("ws://localhost:" + box.port + "/user/tomas/terminals/websocket/" + name), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            var message = JSON.readTree(partial.toString());
                            if ("stdout".equals(message.path(0).asString())) screen.append(message.path(1).asString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                        closed.set(status + " " + reason);
                        return null;
                    }
                })
                .get(30, TimeUnit.SECONDS);
        socket.sendText("[\"stdin\", \"echo answer-$((6 * 7)) in $PWD\\r\"]", true).get(10, TimeUnit.SECONDS);

        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (!screen.toString().contains("answer-42 in /home/learner")) {
            assertThat(java.time.Instant.now()).as("the terminal answers; it showed: " + screen + " (closed: " + closed.get() + ")")
                    .isBefore(deadline);
            Thread.sleep(50);
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        assertThat(tomas.server("DELETE", "/api/terminals/" + name, null).statusCode()).isEqualTo(204);
    }
}
