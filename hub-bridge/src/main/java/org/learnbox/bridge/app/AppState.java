package org.learnbox.bridge.app;

import java.util.Set;

/** How an app is, in its owner's words: what the dashboard and the app's page say. */
enum AppState {
    RUNNING("running"),
    RESTARTING("restarting"),
    ASLEEP("asleep"),
    CRASHED("crashed");

    /** The codes of an app stopped from outside (asleep): ended, SIGTERM, SIGKILL after the grace time. */
    private static final Set<Integer> STOPPED = Set.of(0, 137, 143);

    private final String word;

    AppState(String word) {
        this.word = word;
    }

    static AppState of(AppInstance app) {
        if (app.restarting()) return RESTARTING;
        if (app.running()) return RUNNING;
        return STOPPED.contains(app.exitCode()) && !app.outOfMemory() ? ASLEEP : CRASHED;
    }

    String word() {
        return word;
    }

    boolean showsLastLines() {
        return this == RESTARTING || this == CRASHED;
    }

    /** One sentence on what happened and what comes next; empty for an app that simply runs or sleeps. */
    String why(AppInstance app, long memoryMegabytes) {
        String cause = app.outOfMemory()
                ? "It used more than its " + memoryMegabytes + " MB of memory and was stopped"
                : "It ended with exit code " + app.exitCode();
        return switch (this) {
            case RUNNING -> app.restarts() == 0 ? ""
                    : (app.outOfMemory() ? "It used more than its " + memoryMegabytes + " MB of memory, was stopped,"
                            : "It crashed") + " and was started again (" + times(app.restarts()) + ").";
            case ASLEEP -> "Its next visitor wakes it.";
            case RESTARTING -> cause + "; the box starts it again, waiting a little longer each time (start "
                    + (app.restarts() + 1) + " of " + (DockerAppRuntime.RESTARTS + 1) + ").";
            case CRASHED -> cause + (app.restarts() > 0 ? ", after " + times(app.restarts()) + " started again" : "")
                    + ". It stays stopped: its next visitor tries it once more, or fix it and publish again.";
        };
    }

    private static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }
}
