package org.learnbox.bridge.e2e;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** A kernel reached over the Jupyter WebSocket, as JupyterLab reaches it. */
final class KernelSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one cell did: its printed output, its value, its error if any, and the text of what it displayed. */
    record Outcome(String stdout, String result, String error, String status, String displayed) {}

    final String id;
    private final String session = UUID.randomUUID().toString();
    private final WebSocket socket;
    private final BlockingQueue<JsonNode> messages;

    private KernelSession(String id, WebSocket socket, BlockingQueue<JsonNode> messages) {
        this.id = id;
        this.socket = socket;
        this.messages = messages;
    }

    static KernelSession open(Learner learner, URI uri, String id) throws Exception {
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = learner.http.newWebSocketBuilder()
                .header("Cookie", learner.cookieHeader())
                .header("X-XSRFToken", learner.cookie("_xsrf", "/user/" + learner.name))
                .connectTimeout(Duration.ofSeconds(20))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            messages.add(JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                })
                .get(30, TimeUnit.SECONDS);
        return new KernelSession(id, socket, messages);
    }

    /** Runs code and collects what the notebook would show, until the kernel is idle again. */
    Outcome execute(String code, Duration timeout) throws Exception {
        String msgId = UUID.randomUUID().toString();
        ObjectNode message = JSON.createObjectNode();
        message.putObject("header").put("msg_id", msgId).put("username", "learner").put("session", session)
                .put("msg_type", "execute_request").put("version", "5.3").put("date", Instant.now().toString());
        message.putObject("parent_header");
        message.putObject("metadata");
        message.putObject("content").put("code", code).put("silent", false).put("store_history", true)
                .put("allow_stdin", false).put("stop_on_error", true).putObject("user_expressions");
        message.put("channel", "shell");
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);

        StringBuilder stdout = new StringBuilder();
        StringBuilder displayed = new StringBuilder();
        String result = null;
        String error = null;
        String status = null;
        boolean idle = false;
        Instant deadline = Instant.now().plus(timeout);
        while (!(idle && status != null)) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            JsonNode reply = left > 0 ? messages.poll(left, TimeUnit.MILLISECONDS) : null;
            if (reply == null) {
                return new Outcome(stdout.toString(), result, error == null ? "timed out" : error, status, displayed.toString());
            }
            if (!msgId.equals(reply.path("parent_header").path("msg_id").asString())) continue;
            String type = reply.path("msg_type").asString();
            JsonNode content = reply.path("content");
            switch (type) {
                case "stream" -> stdout.append(content.path("text").asString());
                case "display_data" -> displayed.append(content.path("data").path("text/plain").asString()).append('\n');
                case "execute_result" -> result = content.path("data").path("text/plain").asString();
                case "error" -> error = content.path("ename").asString() + ": " + content.path("evalue").asString();
                case "execute_reply" -> status = content.path("status").asString();
                case "status" -> idle = "idle".equals(content.path("execution_state").asString());
                default -> { }
            }
        }
        return new Outcome(stdout.toString(), result, error, status, displayed.toString());
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
