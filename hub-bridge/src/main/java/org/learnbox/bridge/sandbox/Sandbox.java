package org.learnbox.bridge.sandbox;

/**
 * A learner's sandbox as the runtime sees it; {@code url} is where the hub reaches its server.
 * An {@code asleep} sandbox is frozen as it was (its kernels and their variables), not running.
 */
public record Sandbox(String user, String id, boolean running, String url, boolean asleep) {
    public Sandbox(String user, String id, boolean running, String url) {
        this(user, id, running, url, false);
    }
}
