package org.learnbox.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnbox.bridge.docker.StandInSwarm;
import org.learnbox.bridge.docker.SwarmApi;
import org.learnbox.bridge.docker.SwarmSettings;
import tools.jackson.databind.JsonNode;

/**
 * The Swarm runtime's own logic against a stand-in manager: the service it asks for, where it finds
 * the learner's server, a cluster without room refused in words with nothing left, homes read from
 * the share. Placement, confinement and isolation on real engines are SwarmClusterE2EIT's.
 */
class SwarmSandboxRuntimeTest {
    private static final long GIB = 1024L * 1024 * 1024;

    @TempDir
    Path share;
    private StandInSwarm engine;
    private SwarmApi swarm;
    private SwarmSandboxRuntime runtime;
    private final List<SpawnEvent> steps = new ArrayList<>();

    @BeforeEach
    void aManagerWithTwoNodes() throws Exception {
        engine = new StandInSwarm();
        engine.node("node-1", "10.9.0.2");
        engine.node("node-2", "10.9.0.3");
        engine.runsOn("box-node-guard", "node-1", "node-2");
        swarm = engine.api();
        runtime = new SwarmSandboxRuntime(swarm, "box", "box-sandboxes", new SwarmSettings(share.toString(), 0.25, "10.9.0.1"),
                "learnbox/node-guard:latest", "learnbox/sandbox:latest", 8000, 8081);
    }

    @AfterEach
    void close() throws Exception {
        swarm.close();
        engine.close();
    }

    private static SandboxSpec spec(String user) {
        return new SandboxSpec(user, null, "learnbox/sandbox:latest", Map.of("JUPYTERHUB_API_TOKEN", "t0ken"), 1.5, GIB, 512, 8888);
    }

    @Test
    void theServiceIsConfinedLimitedReservedAndPublishedOnItsNode() {
        engine.taskOf("box-sandbox-kim", "running", "node-2", 30123, "");
        Sandbox kim = runtime.start(spec("kim"), steps::add);
        assertThat(kim.url()).as("the node's address and the port its engine published").isEqualTo("http://10.9.0.3:30123");
        assertThat(kim.running()).isTrue();

        JsonNode service = engine.services.get("box-sandbox-kim");
        JsonNode container = service.path("TaskTemplate").path("ContainerSpec");
        assertThat(container.path("User").asString()).isEqualTo("1000:1000");
        assertThat(container.path("CapabilityDrop").get(0).asString()).isEqualTo("ALL");
        assertThat(container.path("Env").toString()).contains("JUPYTERHUB_API_TOKEN=t0ken");
        assertThat(container.path("Hosts").get(0).asString()).isEqualTo("10.9.0.1 host.docker.internal");
        JsonNode home = container.path("Mounts").get(0);
        assertThat(home.path("Target").asString()).isEqualTo(SandboxSpecs.HOME);
        assertThat(home.path("VolumeOptions").path("DriverConfig").path("Options").path("device").asString())
                .isEqualTo(share.resolve("homes/kim").toString());
        JsonNode resources = service.path("TaskTemplate").path("Resources");
        assertThat(resources.path("Limits").path("MemoryBytes").asLong()).isEqualTo(GIB);
        assertThat(resources.path("Limits").path("NanoCPUs").asLong()).isEqualTo(1_500_000_000L);
        assertThat(resources.path("Limits").path("Pids").asLong()).isEqualTo(512);
        assertThat(resources.path("Reservations").path("MemoryBytes").asLong()).isEqualTo(GIB / 4);
        assertThat(service.path("EndpointSpec").path("Mode").asString()).isEqualTo("dnsrr");
        assertThat(service.path("EndpointSpec").path("Ports").get(0).path("PublishMode").asString()).isEqualTo("host");
        assertThat(service.path("TaskTemplate").path("Networks").get(0).path("Target").asString()).isEqualTo("box-sandboxes");

        assertThat(Files.isDirectory(share.resolve("homes/kim"))).as("the home made on the share before the task binds it").isTrue();
        assertThat(runtime.find("kim")).contains(kim);
        assertThat(runtime.runningUsers()).containsExactly("kim");
        assertThat(runtime.start(spec("kim"), steps::add).url()).as("one service per learner").isEqualTo(kim.url());
        assertThat(engine.services.keySet()).containsExactlyInAnyOrder("box-node-guard", "box-sandbox-kim");
    }

    @Test
    void theFirstSandboxWaitsForEveryNodesGuardAndTheSandboxesNetwork() {
        engine.taskOf("box-sandbox-kim", "running", "node-1", 30001, "");
        runtime.start(spec("kim"), steps::add);

        JsonNode guard = engine.services.get("box-node-guard");
        assertThat(guard.path("Mode").has("Global")).as("one on every node").isTrue();
        JsonNode container = guard.path("TaskTemplate").path("ContainerSpec");
        assertThat(container.path("CapabilityAdd").get(0).asString()).isEqualTo("CAP_NET_ADMIN");
        assertThat(container.path("Env").toString()).contains("LEARNBOX_MANAGER=10.9.0.1", "LEARNBOX_FRONT_PORT=8000",
                "LEARNBOX_HUB_API_PORT=8081", "LEARNBOX_SANDBOX_NETWORK=box-sandboxes", "LEARNBOX_SANDBOX_IMAGE=learnbox/sandbox:latest");
        assertThat(guard.path("TaskTemplate").path("Networks").get(0).path("Target").asString()).isEqualTo("host");
        JsonNode network = engine.networks.get("box-sandboxes");
        assertThat(network.path("Scope").asString()).isEqualTo("swarm");
        assertThat(network.path("ConfigFrom").path("Network").asString()).as("each node's part, made by its guard").isEqualTo("box-sandboxes-here");
    }

    @Test
    void aNodeWithoutItsGuardKeepsSandboxesFromStartingAndSaysSo() throws Exception {
        engine.runsOn("box-node-guard", "node-1"); // node-2's guard never becomes healthy
        java.time.Clock leaping = new java.time.Clock() {
            private java.time.Instant now = java.time.Instant.parse("2026-12-07T10:00:00Z");

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public synchronized java.time.Instant instant() {
                now = now.plusSeconds(30);
                return now;
            }
        };
        SwarmSettings settings = new SwarmSettings(share.toString(), 0.25, "10.9.0.1");
        SwarmSandboxRuntime waiting = new SwarmSandboxRuntime(swarm, "box", "box-sandboxes", settings,
                new SwarmNodeGuard(swarm, "box", "box-sandboxes", "learnbox/node-guard:latest", "learnbox/sandbox:latest",
                        new SwarmNodeGuard.Openings("10.9.0.1", 8000, 8081), leaping), leaping);
        assertThatThrownBy(() -> waiting.start(spec("kim"), steps::add)).isInstanceOf(SandboxException.class)
                .hasMessage("The machines of the cluster are not ready for notebook servers yet (their guard: 1 node(s) without it). "
                        + "A teacher can look with: ./box status");
        assertThat(engine.services).doesNotContainKey("box-sandbox-kim");
        assertThat(engine.networks).as("no network of sandboxes before every node has its part").isEmpty();
    }

    @Test
    void aClusterWithoutRoomIsRefusedInWordsAndLeavesNoService() {
        engine.taskOf("box-sandbox-kim", "pending", "", 0, "no suitable node (insufficient resources on 3 nodes)");
        assertThatThrownBy(() -> runtime.start(spec("kim"), steps::add))
                .isInstanceOf(SandboxException.class)
                .hasMessage("No machine of the cluster has room for another notebook server "
                        + "(no suitable node (insufficient resources on 3 nodes)). Try again in a few minutes, "
                        + "when others have closed theirs, or ask your teacher.");
        assertThat(engine.services).doesNotContainKey("box-sandbox-kim");
        assertThat(runtime.find("kim")).isEmpty();
    }

    @Test
    void aTaskTheNodeRejectsIsRefusedWithTheEnginesWords() {
        engine.taskOf("box-sandbox-kim", "rejected", "node-1", 0, "No such image: learnbox/sandbox:latest");
        assertThatThrownBy(() -> runtime.start(spec("kim"), steps::add))
                .hasMessage("The cluster could not start the notebook server: No such image: learnbox/sandbox:latest");
        assertThat(engine.services).doesNotContainKey("box-sandbox-kim");
    }

    @Test
    void sleepEndsTheServiceAndTheHomeStays() throws Exception {
        engine.taskOf("box-sandbox-kim", "running", "node-1", 30001, "");
        runtime.start(spec("kim"), steps::add);
        Files.writeString(share.resolve("homes/kim/work.ipynb"), "{}");
        runtime.sleep("kim");
        assertThat(runtime.find("kim")).isEmpty();
        assertThat(runtime.wake(spec("kim"))).isEmpty();
        assertThat(share.resolve("homes/kim/work.ipynb")).exists();
    }

    @Test
    void homesAreReadFromTheShareWithoutFollowingALink() throws Exception {
        Files.createDirectories(share.resolve("homes/bob"));
        Files.writeString(share.resolve("homes/bob/secret.ipynb"), "bob's");
        Path kim = Files.createDirectories(share.resolve("homes/kim"));
        Files.writeString(kim.resolve("a.ipynb"), "kim's");
        Files.createSymbolicLink(kim.resolve("b.ipynb"), share.resolve("homes/bob/secret.ipynb"));

        assertThat(runtime.findInHome("kim", ".ipynb", 10).files()).extracting(HomeFile::path).containsExactly("a.ipynb");
        assertThat(new String(runtime.readInHome("kim", "a.ipynb", 100).bytes(), StandardCharsets.UTF_8)).isEqualTo("kim's");
        assertThatThrownBy(() -> runtime.readInHome("kim", "b.ipynb", 100))
                .isInstanceOfSatisfying(SandboxException.class, refused -> assertThat(refused.isNotFound()).isTrue());
        assertThatThrownBy(() -> runtime.findInHome("ana", ".ipynb", 10))
                .isInstanceOfSatisfying(SandboxException.class, refused -> assertThat(refused.isNotFound()).isTrue());
    }

    @Test
    void aFolderIsCopiedOutOfTheShareWhateverNodeTheSandboxIsOnAndAMissingOneIsRefusedInWords() throws Exception {
        Path kim = Files.createDirectories(share.resolve("homes/kim/hello"));
        Files.writeString(kim.resolve("app.py"), "print('hi')");
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(runtime.copyFolder("kim", "hello"))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) names.add(entry.getName());
        }
        assertThat(names).containsExactly("hello/", "hello/app.py");
        assertThatThrownBy(() -> runtime.copyFolder("kim", "nothing"))
                .isInstanceOfSatisfying(SandboxException.class, refused -> assertThat(refused.isNotFound()).isTrue())
                .hasMessage("There is no folder 'nothing' in the home of kim.");
        assertThatThrownBy(() -> runtime.copyInto("kim", "work", java.util.Map.of("a.txt", "a")))
                .hasMessage("On a cluster of machines the box cannot copy files into the running sandbox of a learner yet; a box on one machine can.");
    }

    @Test
    void whatNeedsAWayIntoANodesContainerIsRefusedInWords() {
        assertThatThrownBy(() -> runtime.run("kim", List.of("true"), java.time.Duration.ofSeconds(1)))
                .hasMessage("On a cluster of machines the box cannot run a command in the sandbox of a learner yet; a box on one machine can.");
        assertThatThrownBy(() -> runtime.startForThePool(spec("kim")))
                .hasMessageContaining("cannot keep sandboxes started ahead yet");
        assertThat(runtime.startAhead(spec("kim"), steps::add)).isFalse();
    }

    @Test
    void theManagersRefusalIsInTheSandboxesWords() {
        engine.refuseNext(500, "This node is not a swarm manager.");
        assertThatThrownBy(() -> runtime.list()).isInstanceOf(SandboxException.class)
                .hasMessage("The Docker engine refused: This node is not a swarm manager.");
    }
}
