package org.learnbox.bridge.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.Network;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The one place that makes the box's bridge networks (the sandboxes', the apps'). Made by one
 * start at a time: Docker 20.10 makes a second network of the same name when two starts ask at
 * once, after which every container start on it is refused as "ambiguous"; such twins that an
 * earlier box left are removed but one.
 */
public final class BridgeNetworks {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BridgeNetworks.class);
    private static final Object MAKING = new Object();

    private BridgeNetworks() {}

    /** Makes the network unless one of that name is there; containers on it never reach each other. */
    public static void ensure(DockerClient docker, String name, Map<String, String> options, Map<String, String> labels) {
        synchronized (MAKING) {
            List<Network> found = docker.listNetworksCmd().withNameFilter(name).exec().stream()
                    .filter(n -> n.getName().equals(name)).toList();
            if (found.size() > 1) removeTwins(docker, found);
            if (!found.isEmpty()) return;
            try {
                docker.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                        .withOptions(options).withLabels(labels).exec();
            } catch (ConflictException madeMeanwhile) {
                log.debug("network {} was made by someone else meanwhile", name);
            }
        }
    }

    /** Keeps the network that has containers (else the oldest) and removes the others of its name. */
    private static void removeTwins(DockerClient docker, List<Network> twins) {
        List<Network> inspected = twins.stream().map(n -> docker.inspectNetworkCmd().withNetworkId(n.getId()).exec())
                .sorted(Comparator.comparing((Network n) -> n.getContainers() == null || n.getContainers().isEmpty())
                        .thenComparing(n -> String.valueOf(n.getCreated())))
                .toList();
        for (Network twin : inspected.subList(1, inspected.size())) {
            try {
                docker.removeNetworkCmd(twin.getId()).exec();
                log.info("removed a second network named {} ({})", twin.getName(), twin.getId());
            } catch (RuntimeException inUse) {
                log.warn("a second network named {} ({}) could not be removed: {}", twin.getName(), twin.getId(), inUse.getMessage());
            }
        }
    }
}
