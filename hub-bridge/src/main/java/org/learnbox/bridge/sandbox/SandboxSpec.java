package org.learnbox.bridge.sandbox;

import java.util.Map;

/**
 * Everything about one sandbox, decided before a runtime is asked to run it: a learner's
 * ({@code user}), or one of the pool's for no learner yet ({@code poolId}). Where and under
 * which names it runs is the runtime's to say.
 */
public record SandboxSpec(
        String user,
        String poolId,
        String image,
        Map<String, String> env,
        double cpus,
        long memoryBytes,
        long pids,
        int port) {

    public SandboxSpec {
        env = Map.copyOf(env);
    }

    /** One of the pool's, started for no learner yet. */
    public boolean forThePool() {
        return poolId != null;
    }
}
