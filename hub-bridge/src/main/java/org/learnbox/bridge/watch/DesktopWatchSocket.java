package org.learnbox.bridge.watch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.learnbox.bridge.sandbox.DesktopLink;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * A teacher's viewer on a student's desktop: RFB from the sandbox (the runtime's relay) to the
 * browser, and from the browser only what {@link ViewOnlyRfb} lets through. What waits for a slow
 * browser is bounded; past it the viewer is closed, and the student's desktop goes on.
 */
@Component
class DesktopWatchSocket extends BinaryWebSocketHandler implements SubProtocolCapable {
    static final String STUDENT = "learnbox.watch.student";
    private static final String LINK = "learnbox.watch.link";
    private static final String FILTER = "learnbox.watch.filter";
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int WAITING_LIMIT_BYTES = 8 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DesktopWatchSocket.class);

    private final SandboxRuntime runtime;

    DesktopWatchSocket(SandboxRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of("binary"); // as noVNC asks
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        String student = (String) session.getAttributes().get(STUDENT);
        WebSocketSession browser = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, WAITING_LIMIT_BYTES);
        DesktopLink link = runtime.openDesktop(student, bytes -> {
            try {
                browser.sendMessage(new BinaryMessage(bytes));
            } catch (IOException | RuntimeException slowOrGone) {
                close(session, CloseStatus.SESSION_NOT_RELIABLE);
            }
        }, () -> close(session, CloseStatus.NORMAL));
        session.getAttributes().put(LINK, link);
        session.getAttributes().put(FILTER, new ViewOnlyRfb());
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
        ByteBuffer payload = message.getPayload();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        try {
            byte[] passed = ((ViewOnlyRfb) session.getAttributes().get(FILTER)).pass(bytes);
            if (passed.length > 0) ((DesktopLink) session.getAttributes().get(LINK)).send(passed);
        } catch (ViewOnlyRfb.NotAViewer notAViewer) {
            LOG.info("a watcher of {}'s desktop was closed: {}", session.getAttributes().get(STUDENT), notAViewer.getMessage());
            close(session, CloseStatus.POLICY_VIOLATION);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        DesktopLink link = (DesktopLink) session.getAttributes().remove(LINK);
        if (link != null) link.close();
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            if (session.isOpen()) session.close(status);
        } catch (IOException alreadyGone) {
            // closed from the other side meanwhile
        }
    }
}
