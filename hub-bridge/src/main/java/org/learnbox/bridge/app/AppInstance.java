package org.learnbox.bridge.app;

import java.time.Instant;

/** An app's container as Docker has it now. */
public record AppInstance(String user, String name, String containerId, boolean running, String ip, int port,
        int exitCode, Instant startedAt, Instant finishedAt) {

    /** Where the gateway sends the app's requests. */
    String target() {
        return "http://" + ip + ":" + port;
    }
}
