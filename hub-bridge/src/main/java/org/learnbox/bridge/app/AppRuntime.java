package org.learnbox.bridge.app;

import java.util.List;
import java.util.Optional;

/**
 * Where live apps run, in the box's terms: an app has releases, each built into something the
 * runtime can start, and an instance (a running release) that visitors reach. Docker now
 * ({@link DockerAppRuntime}: images and containers); nothing outside the runtime knows which engine
 * it is. An instance's id is the runtime's own, opaque to the rest. Every failure is an
 * {@link AppException} in words for the app's owner.
 */
public interface AppRuntime {
    /** How many times a crashed app that had answered is started again, before it is left stopped. */
    int RESTARTS = 5;

    /** Makes a release of the app from its runtime's and its own files; a failed build says why (the compiler's words). Answers its reference. */
    String build(AppSpec spec, AppManifest manifest, AppFiles files);

    /** Starts the app's release, anew (the instance before goes). */
    AppInstance start(AppSpec spec);

    /**
     * From now on a crash of the app starts it again, a few times, waiting longer each time. An app
     * gets this once it answered: one that fails at its first start is its owner's to fix.
     */
    void restartWhenCrashed(String user, String name);

    /**
     * Starts a new release of the app beside the instance visitors reach now, which goes on serving
     * until {@link #promoteNext}.
     */
    AppInstance startNext(AppSpec spec);

    /**
     * The new release takes the app's place: visitors reach it from now on. Answers the instance
     * it replaced, still running for the requests under way, for {@link #discard} a moment later.
     */
    Optional<String> promoteNext(String user, String name);

    /** Removes an instance the app no longer uses: a replaced release, or a new one that failed. */
    void discard(String instanceId);

    /**
     * Removes the instances of switches between releases that never finished (a new release
     * starting, an old one about to go) when the bridge stopped midway; answers their names.
     */
    List<String> removeUnfinishedSwitches();

    /** Removes what the runtime keeps of one of the app's releases (an old release no longer kept). */
    void removeRelease(String user, String name, String release);

    /** Whether one of the app's releases is on the box still (to roll back to). */
    boolean hasRelease(String user, String name, String release);

    /** Makes what apps and builds run in (their network), if it is not there yet. */
    void prepare();

    /** Starts the app's stopped instance again (waking it). */
    AppInstance resume(String user, String name);

    /** Stops the app's instance; it and its release stay, to wake it fast. */
    void stop(String user, String name);

    /** Removes the app's instance and its releases. */
    void remove(String user, String name);

    Optional<AppInstance> find(String user, String name);

    /** Every app of this box, running or not. */
    List<AppInstance> list();

    /** The app's last lines of output. */
    String logs(String user, String name, int lines);

    /** The last lines of one instance of an app (a release starting beside the running one, too). */
    String instanceLogs(String instanceId, int lines);

    /** One instance of an app as the engine has it now. */
    Optional<AppInstance> inspect(String instanceId);

    /**
     * Hands each new chunk of the app's output to {@code out}, starting with its last lines, until
     * closed or the app stops, when {@code ended} runs.
     */
    java.io.Closeable followLogs(String user, String name, int lastLines, java.util.function.Consumer<String> out,
            Runnable ended);

    /** The memory the app's instance uses now, in bytes; 0 when it does not run. */
    long memoryUsed(String user, String name);
}
