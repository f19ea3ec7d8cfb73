package org.learnbox.bridge.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Docker engines in containers of this machine's engine: other machines for the tests, a NAS
 * (and Swarm's nodes). Each keeps its engine's state on a volume of its own, so overlay2 works
 * inside, and starts with none of this machine's images: a test loads only what it uses.
 */
final class NestedEngines {
    static final String IMAGE = "learnbox/nas-sim:test";
    private static boolean built;

    private NestedEngines() {}

    /** A running engine, named as its container; {@link #close()} removes it and its volume. */
    record Engine(String name, Shell host) implements AutoCloseable {
        /** A POSIX sh script run inside, in the folder where a NAS keeps its projects. */
        Shell.Result sh(String script) {
            return host.run(Duration.ofMinutes(15), null, "docker", "exec", "-w", "/volume1/learnbox", name, "sh", "-c", script);
        }

        @Override
        public void close() {
            host.run(Duration.ofMinutes(2), null, "docker", "rm", "-f", "-v", name);
            host.run(Duration.ofMinutes(2), null, "docker", "volume", "rm", "-f", name + "-engine");
        }
    }

    /**
     * Starts an engine with these {@code docker run} options (ports, mounts) and waits until it
     * answers. Privileged as a nested engine needs; where this machine's engine cannot grant
     * every capability (some virtual machines keep CAP_SYS_RESOURCE from everyone, and then
     * --privileged fails to start), the same rights are given one by one, without that one.
     */
    static Engine start(Shell host, String name, List<String> options) throws InterruptedException {
        buildImage(host);
        Engine engine = new Engine(name, host);
        engine.close();
        Shell.Result started = host.run(Duration.ofMinutes(2), null, run(name, List.of("--privileged"), options));
        if (started.exitCode() != 0 && started.stderr().contains("apply caps")) {
            engine.close();
            started = host.run(Duration.ofMinutes(2), null, run(name, List.of("--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE",
                    "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
                    "--security-opt", "systempaths=unconfined", "--device-cgroup-rule", "a *:* rwm",
                    "-v", "/sys/fs/cgroup:/sys/fs/cgroup"), options));
        }
        started.requireSuccess();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (engine.sh("docker info >/dev/null 2>&1").exitCode() != 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the nested engine " + name + " did not start:\n"
                        + host.run(Duration.ofMinutes(1), null, "docker", "logs", "--tail", "30", name).stderr());
            }
            Thread.sleep(500);
        }
        return engine;
    }

    private static String[] run(String name, List<String> rights, List<String> options) {
        List<String> command = new ArrayList<>(List.of("docker", "run", "-d", "--name", name, "--hostname", name,
                "-v", name + "-engine:/var/lib/docker"));
        command.addAll(rights);
        command.addAll(options);
        command.add(IMAGE);
        return command.toArray(String[]::new);
    }

    private static synchronized void buildImage(Shell host) {
        if (built) return;
        String base = System.getenv().getOrDefault("LEARNBOX_BASE_IMAGE", "learnbox/base:trixie");
        host.run(Duration.ofMinutes(15), null, "docker", "build", "-q", "--build-arg", "BASE_IMAGE=" + base,
                "-t", IMAGE, "hub-bridge/src/test/docker/nas").requireSuccess();
        built = true;
    }

    static Shell hostShell() {
        return new Shell(RunningBox.projectRoot(), Map.of());
    }
}
