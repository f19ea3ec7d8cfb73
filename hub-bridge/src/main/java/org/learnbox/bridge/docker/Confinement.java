package org.learnbox.bridge.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;

/** What every container of learners' code gets: its limits, no capabilities, no privilege gained, its network. */
public final class Confinement {
    private Confinement() {}

    public static HostConfig of(double cpus, long memoryBytes, long pids, String network) {
        return HostConfig.newHostConfig()
                .withNanoCPUs((long) (cpus * 1_000_000_000L))
                .withMemory(memoryBytes)
                .withMemorySwap(memoryBytes)
                .withPidsLimit(pids)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges:true"))
                .withNetworkMode(network);
    }
}
