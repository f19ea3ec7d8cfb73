package org.learnbox.bridge.health;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.sandbox.SandboxSpecs;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.learnbox.bridge.docker.ContainerLabels;

/**
 * {@link BoxUsage} as the Docker engine counts it. docker-java has neither the one-shot
 * statistics nor the disk usage, so these two are asked of the engine's API as it is (on
 * docker-java's own connection).
 */
@Component
class DockerBoxUsage implements BoxUsage {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMPOSE_PROJECT = "com.docker.compose.project";
    private static final String COMPOSE_SERVICE = "com.docker.compose.service";

    private final DockerClient docker;
    private final String box;

    DockerBoxUsage(DockerClient docker, LearnboxProperties properties) {
        this.docker = docker;
        this.box = properties.box();
    }

    @Override
    public List<Usage> now() {
        List<Usage> usages = new ArrayList<>();
        for (Container container : containersOfTheBox()) {
            String group = groupOf(container.getLabels() == null ? Map.of() : container.getLabels());
            if (group == null) continue;
            JsonNode stats = get("/containers/" + container.getId() + "/stats?stream=false&one-shot=true");
            if (stats == null) continue; // gone meanwhile
            usages.add(new Usage(container.getId(), group, stats.path("cpu_stats").path("cpu_usage").path("total_usage").asLong(),
                    memoryInUse(stats.path("memory_stats"))));
        }
        return usages;
    }

    @Override
    public List<Disk> disks() {
        JsonNode usage = get("/system/df");
        if (usage == null) return List.of();
        List<Disk> disks = new ArrayList<>();
        Map<String, Long> sizes = new java.util.HashMap<>();
        for (JsonNode volume : usage.path("Volumes")) {
            sizes.put(volume.path("Name").asString(""), Math.max(0, volume.path("UsageData").path("Size").asLong()));
        }
        for (JsonNode volume : usage.path("Volumes")) {
            JsonNode labels = volume.path("Labels");
            if (!box.equals(labels.path(ContainerLabels.BOX).asString("")) || !"home".equals(labels.path(ContainerLabels.ROLE).asString(""))) continue;
            // A home that was a pool sandbox's is bound onto the pool's volume, which holds (and counts) its files.
            String holder = labels.path(ContainerLabels.HOME_IN).asString(volume.path("Name").asString(""));
            disks.add(new Disk("home", labels.path(ContainerLabels.USER).asString(""), volume.path("Name").asString(""),
                    sizes.getOrDefault(holder, 0L)));
        }
        for (JsonNode image : usage.path("Images")) {
            JsonNode labels = image.path("Labels");
            String app = labels.path("org.learnbox.app").asString("");
            if (!box.equals(labels.path(ContainerLabels.BOX).asString("")) || app.isEmpty()) continue;
            disks.add(new Disk("app", labels.path(ContainerLabels.USER).asString(""), app, Math.max(0, image.path("Size").asLong())));
        }
        for (JsonNode container : usage.path("Containers")) {
            JsonNode labels = container.path("Labels");
            String app = labels.path("org.learnbox.app").asString("");
            if (!box.equals(labels.path(ContainerLabels.BOX).asString("")) || app.isEmpty()) continue;
            disks.add(new Disk("app", labels.path(ContainerLabels.USER).asString(""), app, Math.max(0, container.path("SizeRw").asLong())));
        }
        return disks;
    }

    private List<Container> containersOfTheBox() {
        Map<String, Container> containers = new java.util.LinkedHashMap<>();
        docker.listContainersCmd().withLabelFilter(Map.of(COMPOSE_PROJECT, box)).exec().forEach(c -> containers.put(c.getId(), c));
        docker.listContainersCmd().withLabelFilter(Map.of(ContainerLabels.BOX, box)).exec().forEach(c -> containers.put(c.getId(), c));
        return List.copyOf(containers.values());
    }

    /** A compose service by its name; the bridge's own containers by their role; anything else is not counted. */
    private String groupOf(Map<String, String> labels) {
        String service = labels.getOrDefault(COMPOSE_SERVICE, "");
        if (box.equals(labels.get(COMPOSE_PROJECT)) && !service.isEmpty()) return service;
        return switch (labels.getOrDefault(ContainerLabels.ROLE, "")) {
            case "sandbox" -> "sandboxes";
            case "app" -> "apps";
            case "grader" -> "grading";
            case "build" -> "builds";
            default -> null;
        };
    }

    /** As `docker stats` shows it: what the container uses less the page cache it could give back at once. */
    private static long memoryInUse(JsonNode memory) {
        long usage = memory.path("usage").asLong();
        JsonNode stats = memory.path("stats");
        for (String reclaimable : new String[] {"total_inactive_file", "inactive_file"}) {
            if (stats.has(reclaimable)) return Math.max(0, usage - stats.path(reclaimable).asLong());
        }
        return usage;
    }

    /** The engine's answer as JSON, or null where the thing asked for is gone. */
    private JsonNode get(String path) {
        DockerHttpClient http = ((DockerClientImpl) docker).getHttpClient();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            if (response.getStatusCode() == 404) return null;
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("the Docker engine answered " + response.getStatusCode() + " to " + path);
            }
            return JSON.readTree(body);
        } catch (IOException unreadable) {
            throw new IllegalStateException("the Docker engine's answer to " + path + " could not be read", unreadable);
        }
    }
}
