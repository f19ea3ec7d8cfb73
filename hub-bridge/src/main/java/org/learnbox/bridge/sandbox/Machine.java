package org.learnbox.bridge.sandbox;

import java.util.List;

/**
 * A machine learners' sandboxes run on, as its admin sees it: on a single box the box itself; on a
 * cluster each node, whether it takes new learners, who runs there, and the memory left for more
 * (what the kernel can give on one box; what Swarm can still reserve on a cluster).
 *
 * @param role "box" for a single box; "manager" or "worker" for a node of a cluster
 * @param state "ready", or the engine's word for a node it does not reach ("down", "unknown")
 * @param availability "active" (takes new learners), "pause" (keeps its own) or "drain" (sends them elsewhere)
 */
public record Machine(String name, String role, String state, String availability, List<String> learners, long memoryBytes,
        long memoryFree) {
    public static final String SINGLE = "box";
}
