package org.learnbox.bridge.app;

/**
 * One app to run, in the box's terms: whose it is, its name, which of its releases ("latest", or a
 * pushed release's tag), its limits and the port it listens on. Each runtime names its own things
 * (images, containers) from these.
 */
public record AppSpec(
        String user,
        String name,
        String release,
        double cpus,
        long memoryBytes,
        long pids,
        int port) {
    /** The release a publish makes: it replaces the one before. */
    public static final String LATEST = "latest";
}
