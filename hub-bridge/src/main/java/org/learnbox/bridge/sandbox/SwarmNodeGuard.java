package org.learnbox.bridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.learnbox.bridge.docker.ContainerLabels;
import org.learnbox.bridge.docker.SwarmApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every node of the cluster made ready for learners before the first sandbox: a global service of
 * the box's node guard (learnbox/node-guard: each node's part of the sandboxes' network, and the
 * firewall that keeps sandboxes from other nodes and the school's network, and their servers from
 * everyone but the manager), then the Swarm-scoped network of sandboxes made from each node's part.
 * A node that joins later gets its guard from Swarm.
 */
final class SwarmNodeGuard {
    static final Duration READY_TIME = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the guard is told to let sandboxes in: the manager's address and the front door's and hub's ports. */
    record Openings(String manager, int frontPort, int hubApiPort) {}

    private final SwarmApi swarm;
    private final String box;
    private final String network;
    private final String image;
    private final String sandboxImage;
    private final Openings openings;
    private final Clock clock;
    private volatile boolean ready;

    /** {@code image}: the guard's own; {@code sandboxImage}: the learners', which each node fetches ahead. */
    SwarmNodeGuard(SwarmApi swarm, String box, String network, String image, String sandboxImage, Openings openings, Clock clock) {
        this.swarm = swarm;
        this.box = box;
        this.network = network;
        this.image = image;
        this.sandboxImage = sandboxImage;
        this.openings = openings;
        this.clock = clock;
    }

    String serviceName() {
        return box + "-node-guard";
    }

    /** Makes the guard and the sandboxes' network if they are not there, and waits until every node has its part. */
    synchronized void ensure() {
        if (ready) return;
        swarm.create(guardSpec());
        awaitEveryNode();
        if (swarm.network(network).isEmpty()) swarm.createNetwork(networkSpec());
        ready = true;
    }

    ObjectNode guardSpec() {
        ObjectNode service = JSON.createObjectNode();
        service.put("Name", serviceName());
        labels(service.putObject("Labels"), "node-guard");
        ObjectNode task = service.putObject("TaskTemplate");
        ObjectNode container = task.putObject("ContainerSpec");
        container.put("Image", image);
        labels(container.putObject("Labels"), "node-guard");
        ArrayNode env = container.putArray("Env");
        env.add("LEARNBOX_MANAGER=" + openings.manager());
        env.add("LEARNBOX_FRONT_PORT=" + openings.frontPort());
        env.add("LEARNBOX_HUB_API_PORT=" + openings.hubApiPort());
        env.add("LEARNBOX_SANDBOX_NETWORK=" + network);
        env.add("LEARNBOX_SANDBOX_IMAGE=" + sandboxImage);
        container.putArray("CapabilityAdd").add("CAP_NET_ADMIN");
        ObjectNode socket = container.putArray("Mounts").addObject();
        socket.put("Type", "bind");
        socket.put("Source", "/var/run/docker.sock");
        socket.put("Target", "/var/run/docker.sock");
        task.putObject("RestartPolicy").put("Condition", "any");
        task.putArray("Networks").addObject().put("Target", "host");
        service.putObject("Mode").putObject("Global");
        return service;
    }

    ObjectNode networkSpec() {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("Name", network);
        spec.put("Driver", "bridge");
        spec.put("Scope", "swarm");
        spec.put("CheckDuplicate", true);
        // All else (labels too) is each node's part's to say: the engine refuses a network that says more.
        spec.putObject("ConfigFrom").put("Network", network + "-here");
        return spec;
    }

    /** A guard's task runs (it is healthy once its node's part is made and its rules written) on every node that takes work. */
    private void awaitEveryNode() {
        Instant deadline = clock.instant().plus(READY_TIME);
        while (true) {
            Set<String> nodes = swarm.nodes().stream()
                    .filter(node -> "ready".equals(node.path("Status").path("State").asString())
                            && "active".equals(node.path("Spec").path("Availability").asString()))
                    .map(node -> node.path("ID").asString()).collect(Collectors.toSet());
            List<JsonNode> tasks = swarm.tasks(serviceName());
            Set<String> guarded = tasks.stream()
                    .filter(task -> "running".equals(task.path("Status").path("State").asString()))
                    .map(task -> task.path("NodeID").asString()).collect(Collectors.toSet());
            if (!nodes.isEmpty() && guarded.containsAll(nodes)) return;
            if (clock.instant().isAfter(deadline)) {
                String why = tasks.stream().map(task -> task.path("Status").path("Err").asString(""))
                        .filter(error -> !error.isEmpty()).findFirst().orElse(nodes.size() - guarded.size() + " node(s) without it");
                throw new SandboxException("sandbox.refused.cluster-unguarded", why);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxException(e, "sandbox.refused.cluster-unguarded", "interrupted");
            }
        }
    }

    private void labels(ObjectNode labels, String role) {
        new TreeMap<>(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, role)).forEach(labels::put);
    }
}
