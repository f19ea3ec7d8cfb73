package org.learnbox.bridge.app;

import java.time.Instant;

/**
 * A running release of an app (its instance) as the engine has it now; {@code instanceId} is the
 * engine's own. A crashed app is started again by the engine (a few times, waiting longer each
 * time); {@code restarts} counts those starts. While the engine waits to start it again, the app
 * is both {@code running} and {@code restarting}.
 */
public record AppInstance(String user, String name, String instanceId, boolean running, boolean restarting,
        int restarts, boolean outOfMemory, String ip, int port, int exitCode, Instant startedAt, Instant finishedAt) {

    /** Where the gateway sends the app's requests. */
    String target() {
        return "http://" + ip + ":" + port;
    }
}
