package org.learnbox.bridge.app;

import java.util.Optional;
import java.util.Set;
import org.learnbox.bridge.config.Words;
import org.springframework.context.MessageSourceResolvable;

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

    /** One sentence on what happened and what comes next, in English; empty for an app that simply runs or sleeps. */
    String why(AppInstance app, long memoryMegabytes) {
        return whyWords(app, memoryMegabytes).map(Words::english).orElse("");
    }

    /** That sentence in words of the bundles. */
    Optional<MessageSourceResolvable> whyWords(AppInstance app, long memoryMegabytes) {
        MessageSourceResolvable cause = app.outOfMemory() ? Words.phrase("app.why.cause.memory", memoryMegabytes)
                : Words.phrase("app.why.cause.exit", app.exitCode());
        return Optional.ofNullable(switch (this) {
            case RUNNING -> app.restarts() == 0 ? null
                    : app.outOfMemory() ? Words.phrase("app.why.restarted-memory", memoryMegabytes, times(app.restarts()))
                    : Words.phrase("app.why.restarted-crash", times(app.restarts()));
            case ASLEEP -> Words.phrase("app.why.asleep");
            case RESTARTING -> Words.phrase("app.why.restarting", cause, app.restarts() + 1, AppRuntime.RESTARTS + 1);
            case CRASHED -> app.restarts() > 0 ? Words.phrase("app.why.crashed-after", cause, times(app.restarts()))
                    : Words.phrase("app.why.crashed", cause);
        });
    }

    private static MessageSourceResolvable times(int count) {
        return count == 1 ? Words.phrase("app.why.once") : Words.phrase("app.why.times", count);
    }
}
