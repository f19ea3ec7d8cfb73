package org.learnbox.bridge.app;

import java.time.Instant;

/**
 * An app's container as Docker has it now. A crashed app is started again by Docker itself
 * (restart policy on-failure, with its doubling delay); {@code restarts} counts those starts.
 * While Docker waits to start it again, the app is both {@code running} and {@code restarting}.
 */
public record AppInstance(String user, String name, String containerId, boolean running, boolean restarting,
        int restarts, boolean outOfMemory, String ip, int port, int exitCode, Instant startedAt, Instant finishedAt) {

    /** Where the gateway sends the app's requests. */
    String target() {
        return "http://" + ip + ":" + port;
    }
}
