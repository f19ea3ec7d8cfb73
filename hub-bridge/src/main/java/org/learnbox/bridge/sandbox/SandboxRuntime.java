package org.learnbox.bridge.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where sandboxes run: {@link DockerSandboxRuntime} on one box, {@link SwarmSandboxRuntime} on a
 * Swarm cluster (docs/kubernetes.md says where a Kubernetes one goes). Nothing outside this package
 * knows which one runs.
 */
public interface SandboxRuntime {
    /**
     * Runs the sandbox the spec describes and reports each step. A sandbox already running
     * is returned as it is. On failure nothing half-made is left and a {@link SandboxException} says why.
     */
    Sandbox start(SandboxSpec spec, Consumer<SpawnEvent> progress);

    Optional<Sandbox> find(String user);

    /**
     * Freezes the learner's running sandbox as it is: its processes, kernels and their variables
     * keep their memory and wait. A sandbox not running is left as it is.
     */
    void sleep(String user);

    /** What {@link #wake} found: the sandbox as the learner left it, or started again by the engine meanwhile. */
    record Woken(Sandbox sandbox, boolean asLeft) {}

    /**
     * Lets the learner's sleeping sandbox go on. Empty, with nothing left of it, when it cannot:
     * it was made from another image than the spec's (the box was upgraded meanwhile), or it has
     * ended. A sandbox the engine started again (after its own restart) is answered as it runs.
     */
    Optional<Woken> wake(SandboxSpec spec);

    /**
     * Starts the learner's sandbox ahead of the hub (at login, while the hub makes the server's
     * token): its server loads what it can and waits for the hub's environment, which
     * {@link #start} hands over. Does nothing when the learner has a container already; answers
     * whether it started one.
     */
    boolean startAhead(SandboxSpec spec, Consumer<SpawnEvent> progress);

    /**
     * Starts a sandbox of the pool, for no learner yet (the spec's {@link SandboxSpecs#forPool}):
     * its server loads and waits. The first learner without a home whose sandbox {@link #start}s or
     * {@link #startAhead}s gets it. Answers its id.
     */
    String startForThePool(SandboxSpec spec);

    /** How many of the pool's sandboxes wait for a learner; those that ended are removed with their homes. */
    int pooled();

    /**
     * Removes the pool's unclaimed sandboxes and their homes: at the bridge's start, since they were
     * made with the image and settings of the bridge before it (an upgrade, a changed setting).
     */
    void emptyPool();

    /** The learners whose sandboxes run now: one list from the engine, no look into each. */
    java.util.Set<String> runningUsers();

    /** Every sandbox of this box, running or not. */
    List<Sandbox> list();

    /**
     * Runs a command as the learner inside their running sandbox and waits for it, at most
     * {@code timeout}. A sandbox that is not running is a {@link SandboxException}.
     */
    CommandResult run(String user, List<String> command, Duration timeout);

    /**
     * Connects a viewer to the learner's desktop (RFB, as Xvnc speaks it): what the desktop sends goes
     * to {@code received}, and {@code ended} runs once the connection is over (at once when the
     * desktop is not open). A sandbox that is not running is a {@link SandboxException}.
     */
    DesktopLink openDesktop(String user, Consumer<byte[]> received, Runnable ended);

    /**
     * A folder of the learner's home as a tar stream (its own name first), read whether or not
     * the learner has a sandbox now. The caller closes the stream. No sandbox, or no such folder, is a
     * {@link SandboxException}.
     */
    java.io.InputStream copyFolder(String user, String pathInHome);

    /**
     * The files of the learner's home whose names end with {@code suffix}, hidden folders and files
     * left out, at most {@code most}; read whether or not the sandbox runs, and refused as not
     * found when the learner has no home yet.
     */
    HomeListing findInHome(String user, String suffix, int most);

    /**
     * The regular file at {@code pathInHome} of the learner's home, its bytes when it has at most
     * {@code most}; read whether or not the sandbox runs. No home, or no such file (a link is none),
     * is a {@link SandboxException} that is not found.
     */
    HomeRead readInHome(String user, String pathInHome, int most);

    /**
     * Writes text files into a folder of the learner's home (made if missing), owned by the
     * learner, in their running sandbox. A sandbox that is not running is a {@link SandboxException}.
     */
    void copyInto(String user, String pathInHome, java.util.Map<String, String> files);

    /** Stops and removes the user's sandbox; the home volume stays. */
    void remove(String user);

    /** The machines sandboxes run on, each with the learners running there and its free memory. */
    List<Machine> machines();
}
