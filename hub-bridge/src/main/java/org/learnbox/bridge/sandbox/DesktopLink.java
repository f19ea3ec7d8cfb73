package org.learnbox.bridge.sandbox;

import java.io.IOException;

/** A viewer's connection to a learner's desktop (RFB), as {@link SandboxRuntime#openDesktop} gives it. */
public interface DesktopLink extends AutoCloseable {
    /** Sends the viewer's bytes to the desktop. */
    void send(byte[] bytes) throws IOException;

    /** Ends the connection; the desktop itself goes on. */
    @Override
    void close();
}
