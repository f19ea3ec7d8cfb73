package org.learnbox.bridge.e2e;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.learnbox.bridge.docker.SwarmApi;

/**
 * Three machines for the tests: three nested engines (one manager, two workers) joined as a Swarm
 * on a test network of their own, each engine with no-new-privileges as the box's nodes are set up
 * and the cluster's registry among its insecure ones, and one folder mounted into all three at the
 * same path (the share a school's nodes mount from the NAS). The images are loaded into the manager
 * alone and pushed to the cluster's registry (learnbox/registry, a service on the manager); the
 * workers pull them from there. The rest (each node's guard, the sandboxes' network) is the box's
 * runtime's to make.
 */
final class SwarmCluster implements AutoCloseable {
    static final String NETWORK = "lbswarm";
    static final String SANDBOXES = "lbswarm-sandboxes";
    static final List<String> NAMES = List.of("lbswarm-manager", "lbswarm-worker1", "lbswarm-worker2");
    /** The cluster's registry, as every node names it (hub-bridge/src/test/docker/swarm/daemon.json lists it). */
    static final String REGISTRY = "lbswarm-manager:5000";
    /** What each learner's sandbox runs on the test cluster: the apps' small image (busybox's httpd on 8080). */
    static final String SANDBOX_IMAGE = REGISTRY + "/learnbox/app-static:latest";
    static final String GUARD_IMAGE = REGISTRY + "/learnbox/node-guard:latest";
    /** This machine's images the cluster takes, loaded into the manager: the registry's own and those pushed to it. */
    private static final String REGISTRY_IMAGE = "learnbox/registry:latest";
    private static final List<String> PUSHED = List.of("learnbox/app-static:latest", "learnbox/node-guard:latest");
    /** What ./box up --swarm takes on the manager besides them: the box's services and the learners' sandbox. */
    private static final List<String> THE_BOXS = List.of("learnbox/bridge:latest", "learnbox/hub:latest", "learnbox/gateway:latest",
            "learnbox/postgres:latest", "learnbox/sandbox:latest", "learnbox/app-python:latest");
    /** The box on the cluster answers on this machine at 20000 and 20001: the manager's ports 8000 and 8001, published. */
    static final int BOX_OFFSET = 2_000;

    final Shell host;
    final Path folder = RunningBox.projectRoot().resolve("hub-bridge/target/lbswarm").toAbsolutePath();
    final Path share = folder.resolve("share");
    final Map<String, NestedEngines.Engine> nodes = new LinkedHashMap<>();
    /** Each node's address on the test network. */
    final Map<String, String> addresses = new LinkedHashMap<>();

    private SwarmCluster(Shell host) {
        this.host = host;
    }

    /** Starts the three engines, forms the Swarm, starts its registry and pushes the sandboxes' and the guard's images there. */
    static SwarmCluster start(Shell host) throws Exception {
        SwarmCluster cluster = new SwarmCluster(host);
        try {
            cluster.form();
            return cluster;
        } catch (Exception | AssertionError failed) {
            cluster.close();
            throw failed;
        }
    }

    private void form() throws Exception {
        close();
        host.run(Duration.ofMinutes(1), null, "rm", "-rf", folder.toString()).requireSuccess();
        Files.createDirectories(share);
        Files.createDirectories(folder.resolve("manager"));
        host.run("docker", "network", "create", NETWORK).requireSuccess();
        String daemonJson = RunningBox.projectRoot().resolve("hub-bridge/src/test/docker/swarm/daemon.json").toString();
        for (String name : NAMES) {
            List<String> options = new ArrayList<>(List.of("--network", NETWORK, "-v", daemonJson + ":/etc/docker/daemon.json:ro",
                    "-v", share + ":" + share));
            if (name.equals(NAMES.getFirst())) {
                // The manager also answers on a socket this machine's tests reach: the bridge's way to the cluster.
                options.addAll(List.of("-v", folder.resolve("manager") + ":/run/lbswarm",
                        "-e", "NAS_ENGINE_OPTIONS=--host=unix:///run/lbswarm/docker.sock",
                        "-p", (RunningBox.PORT + BOX_OFFSET) + ":8000", "-p", (RunningBox.APPS_PORT + BOX_OFFSET) + ":8001"));
            }
            nodes.put(name, NestedEngines.start(host, name, options));
            addresses.put(name, host.run("docker", "inspect", "-f", "{{(index .NetworkSettings.Networks \"" + NETWORK + "\").IPAddress}}", name)
                    .requireSuccess().stdout().strip());
        }
        CompletableFuture<Void> loaded = CompletableFuture.runAsync(() -> host.run(Duration.ofMinutes(10), null, "sh", "-c",
                "docker save " + REGISTRY_IMAGE + " " + String.join(" ", PUSHED) + " | docker exec -i " + NAMES.getFirst()
                        + " docker load -q").requireSuccess());
        manager().sh("docker swarm init --advertise-addr " + addresses.get(NAMES.getFirst())).requireSuccess();
        String token = manager().sh("docker swarm join-token -q worker").requireSuccess().stdout().strip();
        for (String name : NAMES.subList(1, NAMES.size())) {
            nodes.get(name).sh("docker swarm join --token " + token + " " + addresses.get(NAMES.getFirst()) + ":2377").requireSuccess();
        }
        loaded.join();
        startTheRegistry();
    }

    /** The registry as a service on the manager (no routing mesh here: its port published on the manager itself). */
    private void startTheRegistry() {
        manager().sh("docker service create -d --name lbswarm-registry --no-resolve-image --constraint node.role==manager"
                + " --publish mode=host,target=5000,published=5000 --mount type=volume,source=lbswarm-registry,target=/var/lib/docker-registry "
                + REGISTRY_IMAGE).requireSuccess();
        for (String image : PUSHED) {
            String there = REGISTRY + "/" + image;
            // Until the registry's task runs and answers, a push is refused: asked again each second, two minutes at most.
            manager().sh("docker tag " + image + " " + there + " && for i in $(seq 120); do docker push -q " + there
                    + " >/dev/null 2>&1 && exit 0; sleep 1; done; docker push " + there).requireSuccess();
        }
    }

    /**
     * This clone's ./box with its Docker CLI on the manager's engine, as an admin runs it on the
     * manager: the cluster's share and registry named, the images there already (loaded here, as
     * only the box's own test uses them, not built).
     */
    Shell boxShell() {
        host.run(Duration.ofMinutes(15), null, "sh", "-c", "docker save " + String.join(" ", THE_BOXS) + " | docker exec -i "
                + NAMES.getFirst() + " docker load -q").requireSuccess();
        return new Shell(RunningBox.projectRoot(), Map.of("DOCKER_HOST", managerSocket().toString(),
                "LEARNBOX_STATE", folder.resolve("box-state").toString(), "LEARNBOX_SKIP_BUILD", "1",
                "LEARNBOX_SWARM_SHARE", share.toString(), "LEARNBOX_SWARM_REGISTRY", REGISTRY,
                "LEARNBOX_PUBLIC_URL", "http://localhost:" + (RunningBox.PORT + BOX_OFFSET)));
    }

    /**
     * The cluster as a school's would be before the box: no service of the runtime's tests (their
     * sandboxes, guard and network) and no registry of the fixture's (the box's stack brings its own).
     */
    void clearForTheBox() throws InterruptedException {
        manager().sh("docker service rm $(docker service ls -q)").requireSuccess();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        for (NestedEngines.Engine node : nodes.values()) {
            while (!node.sh("docker ps -q --filter label=com.docker.swarm.service.id").stdout().isBlank()) {
                if (Instant.now().isAfter(deadline)) throw new AssertionError("the services' containers did not end on " + node.name());
                Thread.sleep(250);
            }
        }
        manager().sh("docker network rm " + SANDBOXES).requireSuccess();
    }

    /** Waits until every node has the image (as the box's node guard fetches it ahead of learners). */
    void awaitOnEveryNode(String image, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        for (NestedEngines.Engine node : nodes.values()) {
            while (node.sh("docker image inspect " + image + " >/dev/null").exitCode() != 0) {
                if (Instant.now().isAfter(deadline)) throw new AssertionError(node.name() + " did not fetch " + image + " in " + within);
                Thread.sleep(1000);
            }
        }
    }

    NestedEngines.Engine manager() {
        return nodes.get(NAMES.getFirst());
    }

    URI managerSocket() {
        return URI.create("unix://" + folder.resolve("manager/docker.sock"));
    }

    SwarmApi api() {
        return SwarmApi.open(managerSocket());
    }

    /** The box's Swarm runtime for a box of this name on the cluster, its homes on the share, each node guarded. */
    org.learnbox.bridge.sandbox.SwarmSandboxRuntime runtime(SwarmApi swarm, String box) {
        return new org.learnbox.bridge.sandbox.SwarmSandboxRuntime(swarm, box, SANDBOXES,
                new org.learnbox.bridge.docker.SwarmSettings(share.toString(), 0.25, addresses.get(NAMES.getFirst())), GUARD_IMAGE, SANDBOX_IMAGE, 8000, 8081);
    }

    /** The node (its container's name) where the service's running task is. */
    String nodeOf(String service) {
        String hostname = manager().sh("docker service ps --filter desired-state=running --format '{{.Node}}' " + service)
                .requireSuccess().stdout().strip();
        if (!nodes.containsKey(hostname)) throw new AssertionError("the task of " + service + " is on no node of the test: '" + hostname + "'");
        return hostname;
    }

    /** The container of the service's task on its node. */
    String containerOf(String service) {
        return nodes.get(nodeOf(service)).sh("docker ps -q --filter label=com.docker.swarm.service.name=" + service)
                .requireSuccess().stdout().strip();
    }

    @Override
    public void close() {
        for (String name : NAMES) new NestedEngines.Engine(name, host).close();
        nodes.clear();
        host.run(Duration.ofMinutes(1), null, "docker", "network", "rm", NETWORK);
    }
}
