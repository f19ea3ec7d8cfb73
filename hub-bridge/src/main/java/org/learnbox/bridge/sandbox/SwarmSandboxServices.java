package org.learnbox.bridge.sandbox;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.learnbox.bridge.docker.ContainerLabels;
import org.learnbox.bridge.docker.SwarmSettings;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A learner's sandbox as a Swarm service of one task, in the engine's JSON: the same confinement as
 * on one box (no capabilities, pids and memory limited, the learner's uid; no-new-privileges is each
 * node's engine's setting, which API 1.41 cannot ask for), memory reserved so Swarm places it where
 * there is room, its port published on its node (no routing mesh), its home on the share.
 */
final class SwarmSandboxServices {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final String box;
    private final String network;
    private final SwarmSettings settings;

    SwarmSandboxServices(String box, String network, SwarmSettings settings) {
        this.box = box;
        this.network = network;
        this.settings = settings;
    }

    /** The folder of the learner's home on the share, as every node (and the bridge) sees it. */
    Path homeOf(String user) {
        return Path.of(settings.share(), "homes", user);
    }

    ObjectNode specOf(SandboxSpec spec) {
        if (spec.forThePool()) throw new IllegalArgumentException("the pool is the single box's");
        ObjectNode service = JSON.createObjectNode();
        service.put("Name", DockerSandboxNames.container(box, spec.user()));
        labels(service.putObject("Labels"), DockerSandboxNames.labelsOf(box, spec));

        ObjectNode task = service.putObject("TaskTemplate");
        ObjectNode container = task.putObject("ContainerSpec");
        container.put("Image", spec.image());
        container.put("User", "1000:1000");
        labels(container.putObject("Labels"), DockerSandboxNames.labelsOf(box, spec));
        ArrayNode env = container.putArray("Env");
        new TreeMap<>(spec.env()).forEach((name, value) -> env.add(name + "=" + value));
        container.putArray("CapabilityDrop").add("ALL");
        if (!settings.managerAddress().isBlank()) {
            container.putArray("Hosts").add(settings.managerAddress() + " host.docker.internal");
        }
        ObjectNode home = container.putArray("Mounts").addObject();
        home.put("Type", "volume");
        home.put("Source", DockerSandboxNames.volumeOf(box, spec));
        home.put("Target", SandboxSpecs.HOME);
        ObjectNode volume = home.putObject("VolumeOptions");
        labels(volume.putObject("Labels"), Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "home", ContainerLabels.USER, spec.user()));
        // A local volume on whichever node runs the task, bound to the learner's folder of the share.
        ObjectNode driver = volume.putObject("DriverConfig");
        driver.put("Name", "local");
        labels(driver.putObject("Options"), Map.of("type", "none", "o", "bind", "device", homeOf(spec.user()).toString()));

        ObjectNode resources = task.putObject("Resources");
        ObjectNode limits = resources.putObject("Limits");
        limits.put("NanoCPUs", Math.round(spec.cpus() * SECOND_NANOS));
        limits.put("MemoryBytes", spec.memoryBytes());
        limits.put("Pids", spec.pids());
        resources.putObject("Reservations").put("MemoryBytes", Math.round(spec.memoryBytes() * settings.memoryReserved()));

        ObjectNode restart = task.putObject("RestartPolicy");
        restart.put("Condition", "any");
        restart.put("Delay", 2 * SECOND_NANOS);
        task.putArray("Networks").addObject().put("Target", network);

        service.putObject("Mode").putObject("Replicated").put("Replicas", 1);
        ObjectNode endpoint = service.putObject("EndpointSpec");
        // No virtual IP, no routing mesh: the proxy reaches the task on its node, at the port its engine chose.
        endpoint.put("Mode", "dnsrr");
        ObjectNode port = endpoint.putArray("Ports").addObject();
        port.put("Protocol", "tcp");
        port.put("TargetPort", spec.port());
        port.put("PublishMode", "host");
        return service;
    }

    private static void labels(ObjectNode node, Map<String, String> labels) {
        new TreeMap<>(labels).forEach(node::put);
    }
}
