package org.learnbox.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A frontend that talks to a kernel the way Jupyter does: a connection file, ZeroMQ sockets, and messages signed
 * with HMAC-SHA256 per the Jupyter messaging protocol (5.3).
 */
final class WireClient implements AutoCloseable {

    private static final Gson GSON = new Gson();
    private static final String DELIMITER = "<IDS|MSG>";

    /** One message off the wire. */
    record Msg(String type, JsonObject header, JsonObject parent, JsonObject content) {
        String parentId() {
            return parent.has("msg_id") ? parent.get("msg_id").getAsString() : "";
        }
    }

    private final String key = UUID.randomUUID().toString();
    private final String session = UUID.randomUUID().toString();
    private final ZContext context = new ZContext();
    private final int[] ports = new int[5];
    private ZMQ.Socket shell;
    private ZMQ.Socket control;
    private ZMQ.Socket iopub;
    private ZMQ.Socket stdin;

    /** Writes a connection file with free ports on the loopback. */
    Path writeConnectionFile(Path dir) throws IOException {
        for (int i = 0; i < ports.length; i++) {
            try (ServerSocket probe = new ServerSocket(0)) {
                ports[i] = probe.getLocalPort();
            }
        }
        JsonObject connection = new JsonObject();
        connection.addProperty("transport", "tcp");
        connection.addProperty("ip", "127.0.0.1");
        connection.addProperty("shell_port", ports[0]);
        connection.addProperty("iopub_port", ports[1]);
        connection.addProperty("stdin_port", ports[2]);
        connection.addProperty("control_port", ports[3]);
        connection.addProperty("hb_port", ports[4]);
        connection.addProperty("key", key);
        connection.addProperty("signature_scheme", "hmac-sha256");
        connection.addProperty("kernel_name", "java");
        return Files.writeString(dir.resolve("kernel-test.json"), GSON.toJson(connection));
    }

    void connect() {
        // The kernel sends input_request to the stdin socket with the shell socket's identity, as jupyter_client sets them.
        shell = socket(SocketType.DEALER, ports[0], session);
        iopub = socket(SocketType.SUB, ports[1]);
        iopub.subscribe(new byte[0]);
        control = socket(SocketType.DEALER, ports[3]);
        stdin = socket(SocketType.DEALER, ports[2], session);
    }

    private ZMQ.Socket socket(SocketType type, int port) {
        return socket(type, port, null);
    }

    private ZMQ.Socket socket(SocketType type, int port, String identity) {
        ZMQ.Socket socket = context.createSocket(type);
        if (identity != null) socket.setIdentity(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        socket.setLinger(0);
        socket.connect("tcp://127.0.0.1:" + port);
        return socket;
    }

    String sendShell(String type, JsonObject content) {
        return send(shell, type, content);
    }

    String sendControl(String type, JsonObject content) {
        return send(control, type, content);
    }

    /** The kernel's next question on the stdin channel (an input_request). */
    Msg inputRequest(Duration timeout) {
        return receive(stdin, m -> m.type().equals("input_request"), timeout);
    }

    /** Answers an input_request as the notebook does when the learner presses Enter. */
    void inputReply(String value) {
        JsonObject content = new JsonObject();
        content.addProperty("value", value);
        send(stdin, "input_reply", content);
    }

    Msg shellReply(String requestId, Duration timeout) {
        return receive(shell, m -> m.parentId().equals(requestId), timeout);
    }

    Msg controlReply(String requestId, Duration timeout) {
        return receive(control, m -> m.parentId().equals(requestId), timeout);
    }

    /** The iopub messages a request caused, up to and including its status: idle. */
    List<Msg> iopubUntilIdle(String requestId, Duration timeout) {
        List<Msg> messages = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Msg message = receive(iopub, m -> m.parentId().equals(requestId), Duration.between(Instant.now(), deadline));
            messages.add(message);
            if (message.type().equals("status")
                    && message.content().get("execution_state").getAsString().equals("idle")) {
                return messages;
            }
        }
    }

    /** The next iopub message of a request that matches. */
    Msg iopub(String requestId, Predicate<Msg> wanted, Duration timeout) {
        return receive(iopub, m -> m.parentId().equals(requestId) && wanted.test(m), timeout);
    }

    static JsonObject executeContent(String code) {
        return executeContent(code, false);
    }

    static JsonObject executeContent(String code, boolean allowStdin) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", allowStdin);
        content.addProperty("stop_on_error", true);
        return content;
    }

    private String send(ZMQ.Socket socket, String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("session", session);
        header.addProperty("username", "test");
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        String[] parts = {GSON.toJson(header), "{}", "{}", GSON.toJson(content)};
        socket.sendMore(DELIMITER);
        socket.sendMore(sign(parts));
        socket.sendMore(parts[0]);
        socket.sendMore(parts[1]);
        socket.sendMore(parts[2]);
        socket.send(parts[3]);
        return id;
    }

    private Msg receive(ZMQ.Socket socket, Predicate<Msg> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("no matching message from the kernel within " + timeout);
            }
            socket.setReceiveTimeOut((int) Math.min(left, Integer.MAX_VALUE));
            List<String> frames = new ArrayList<>();
            String frame = socket.recvStr();
            if (frame == null) {
                continue;
            }
            frames.add(frame);
            while (socket.hasReceiveMore()) {
                frames.add(socket.recvStr());
            }
            Msg message = parse(frames);
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    private Msg parse(List<String> frames) {
        int at = frames.indexOf(DELIMITER);
        if (at < 0) {
            throw new AssertionError("not a Jupyter message: " + frames);
        }
        String[] parts = {frames.get(at + 2), frames.get(at + 3), frames.get(at + 4), frames.get(at + 5)};
        if (!sign(parts).equals(frames.get(at + 1))) {
            throw new AssertionError("the kernel's signature does not match: " + frames);
        }
        JsonObject header = GSON.fromJson(parts[0], JsonObject.class);
        return new Msg(header.get("msg_type").getAsString(), header,
                GSON.fromJson(parts[1], JsonObject.class), GSON.fromJson(parts[3], JsonObject.class));
    }

    private String sign(String[] parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (String part : parts) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
