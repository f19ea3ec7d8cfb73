package org.learnbox.bridge.devops;

import java.util.function.Consumer;

/** Where pushed projects are built: throwaway containers now. Every failure is a {@link BuildFailed} in words. */
interface BuildRuntime {
    /**
     * Runs the job's command in /build, which holds the project's files; each line it prints goes
     * to {@code out} as it comes. Answers, after a build that ended well, the folder the job keeps
     * (under /build) as a tar whose first path segment is that folder's name.
     */
    byte[] build(BuildJob job, Consumer<String> out);

    /** Removes the builds left by a stopped bridge (nobody waits for them); answers their names. */
    java.util.List<String> removeUnfinished();

    /** Stops every build under way, each ending as failed for the reason given. */
    void stopAll(String why);

    /** Stops the project's build under way; it ends as failed, for the reason given. */
    void stop(String user, String project, String why);

    /**
     * @param sources the project's files as a tar of build/...
     * @param keep the folder under /build the build makes (target for Maven), or "." for all of /build
     */
    record BuildJob(String user, String project, byte[] sources, String command, String keep) {}

    /** A build that did not end well: the words say why (its exit code, the time limit, the disk). */
    final class BuildFailed extends RuntimeException {
        BuildFailed(String message) {
            super(message);
        }

        BuildFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
