package org.learnbox.bridge.sandbox;

import java.util.List;

/** What the hub's spawner asks about: is it running, where, and what has happened so far. */
public record SandboxStatus(String state, String url, List<SpawnEvent> events) {
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";
}
