package org.learnbox.bridge.sandbox;

import java.util.Map;
import org.learnbox.bridge.docker.ContainerLabels;
import org.learnbox.bridge.docker.HomeVolumes;

/** How the Docker runtime names a box's sandboxes and their homes, the pool's among them, and labels them. */
final class DockerSandboxNames {
    /** A pool's sandbox carries its id here, and no learner's name. */
    static final String LABEL_POOL = "org.learnbox.pool";

    private DockerSandboxNames() {}

    /** The learner's sandbox container's name. */
    static String container(String box, String user) {
        return box + "-sandbox-" + user;
    }

    /** The volume of a pool's sandbox: the home of the learner who claims it. */
    static String poolVolume(String box, String id) {
        return box + "-pool-home-" + id;
    }

    static String containerOf(String box, SandboxSpec spec) {
        return spec.forThePool() ? box + "-pool-" + spec.poolId() : container(box, spec.user());
    }

    static String volumeOf(String box, SandboxSpec spec) {
        return spec.forThePool() ? poolVolume(box, spec.poolId()) : HomeVolumes.nameOf(box, spec.user());
    }

    static Map<String, String> labelsOf(String box, SandboxSpec spec) {
        return spec.forThePool()
                ? Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "sandbox", LABEL_POOL, spec.poolId())
                : Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "sandbox", ContainerLabels.USER, spec.user());
    }
}
