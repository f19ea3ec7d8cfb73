package org.learnbox.bridge.sandbox;

import java.util.Map;

/** Everything about one learner's sandbox, decided before the runtime is asked to run it. */
public record SandboxSpec(
        String user,
        String image,
        String containerName,
        String volumeName,
        String homePath,
        Map<String, String> env,
        Map<String, String> labels,
        double cpus,
        long memoryBytes,
        long pids,
        String network,
        int port) {

    public SandboxSpec {
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
    }
}
