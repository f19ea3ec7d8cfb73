package org.learnbox.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.TestProperties;
import org.springframework.util.unit.DataSize;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.learnbox.bridge.docker.ContainerExec;

/** The Docker runtime against the real engine; the idle image is built by Testcontainers. */
class DockerSandboxRuntimeIT {
    private static final String BOX = "runtime-it";
    private static String idleImage;

    private final DockerClient docker = DockerClientFactory.instance().client();
    private final LearnboxProperties properties = properties(idleImage);
    private final DockerSandboxRuntime runtime = new DockerSandboxRuntime(docker, properties);
    private final SandboxSpecs specs = new SandboxSpecs(properties);

    @BeforeAll
    static void buildIdleImage() {
        String base = System.getenv().getOrDefault("LEARNBOX_BASE_IMAGE", "learnbox/base:trixie");
        idleImage = new ImageFromDockerfile("learnbox/runtime-it-idle", false)
                .withDockerfileFromBuilder(dockerfile -> dockerfile.from(base).cmd("sleep", "infinity").build())
                .get();
    }

    private static LearnboxProperties properties(String image) {
        return properties(image, "");
    }

    private static LearnboxProperties properties(String image, String volumesFolder) {
        return TestProperties.of(BOX,
                new LearnboxProperties.Sandbox(image, 0.5, DataSize.ofMegabytes(256), 64, BOX + "-sandboxes", 10, DataSize.ofGigabytes(1), 8888, "http://127.0.0.1:9", true, java.time.Duration.ofMinutes(10), 0, DataSize.ofMegabytes(100), volumesFolder),
                TestProperties.hub("http://127.0.0.1:9/hub/api"), TestProperties.courses("data/courses"));
    }

    @AfterEach
    void removeWhatTheTestMade() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("org.learnbox.box", BOX)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        docker.listVolumesCmd().withFilter("label", List.of("org.learnbox.box=" + BOX)).exec().getVolumes()
                .forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
    }

    @Test
    void startsASandboxWithItsLimitsLabelsVolumeAndNetworkAndReportsEachStep() {
        List<SpawnEvent> events = new ArrayList<>();
        Sandbox sandbox = runtime.start(specs.forUser("ada", Map.of("JUPYTERHUB_API_TOKEN", "t0k")), events::add);

        assertThat(sandbox.running()).isTrue();
        assertThat(sandbox.url()).matches("http://\\d+\\.\\d+\\.\\d+\\.\\d+:8888");
        assertThat(events).extracting(SpawnEvent::message).containsExactly(
                "Sandbox image " + idleImage + " is ready", "Container created", "Container started",
                "Waiting for JupyterLab to answer");
        assertThat(events).extracting(SpawnEvent::progress).isSorted();

        InspectContainerResponse info = docker.inspectContainerCmd(sandbox.id()).exec();
        HostConfig host = info.getHostConfig();
        assertThat(info.getName()).isEqualTo("/" + BOX + "-sandbox-ada");
        assertThat(info.getConfig().getUser()).isEqualTo("1000:1000");
        assertThat(info.getConfig().getLabels()).containsEntry("org.learnbox.user", "ada").containsEntry("org.learnbox.role", "sandbox");
        assertThat(info.getConfig().getEnv()).contains("JUPYTERHUB_API_TOKEN=t0k",
                "JUPYTERHUB_SERVICE_URL=http://0.0.0.0:8888/user/ada/", "HOME=/home/learner");
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getMemory()).isEqualTo(256L * 1024 * 1024);
        assertThat(host.getMemorySwap()).isEqualTo(256L * 1024 * 1024);
        assertThat(host.getPidsLimit()).isEqualTo(64L);
        assertThat(host.getCapDrop()).extracting(Enum::name).containsExactly("ALL");
        assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges:true");
        assertThat(host.getPrivileged()).isFalse();
        assertThat(host.getBinds()).isNullOrEmpty();
        assertThat(info.getMounts()).singleElement().satisfies(mount -> {
            assertThat(mount.getName()).isEqualTo(BOX + "-home-ada");
            assertThat(mount.getDestination().getPath()).isEqualTo("/home/learner");
        });
        assertThat(docker.inspectNetworkCmd().withNetworkId(BOX + "-sandboxes").exec().getOptions())
                .containsEntry("com.docker.network.bridge.enable_icc", "false");
    }

    /** A new box's first lesson: the class logs in at once, and the sandboxes' network is made once, not once per start. */
    @Test
    void learnersStartingAtOnceOnANewBoxShareOneNetwork() throws Exception {
        String network = BOX + "-first-lesson";
        LearnboxProperties fresh = TestProperties.of(BOX,
                new LearnboxProperties.Sandbox(idleImage, 0.5, DataSize.ofMegabytes(256), 64, network, 10, DataSize.ofGigabytes(1), 8888, "http://127.0.0.1:9", true, java.time.Duration.ofMinutes(10), 0, DataSize.ofMegabytes(100), ""),
                TestProperties.hub("http://127.0.0.1:9/hub/api"), TestProperties.courses("data/courses"));
        DockerSandboxRuntime newBox = new DockerSandboxRuntime(docker, fresh);
        SandboxSpecs newSpecs = new SandboxSpecs(fresh);
        removeNetworks(network);
        java.util.concurrent.ExecutorService learners = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Sandbox>> started = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String user = "first" + i;
                started.add(learners.submit(() -> {
                    together.await();
                    return newBox.start(newSpecs.forUser(user, Map.of()), event -> { });
                }));
            }
            together.countDown();
            for (java.util.concurrent.Future<Sandbox> sandbox : started) {
                assertThat(sandbox.get(2, java.util.concurrent.TimeUnit.MINUTES).running()).isTrue();
            }
            assertThat(docker.listNetworksCmd().withNameFilter(network).exec())
                    .filteredOn(n -> n.getName().equals(network)).hasSize(1);
        } finally {
            learners.shutdownNow();
            removeWhatTheTestMade();
            removeNetworks(network);
        }
    }

    private void removeNetworks(String name) {
        docker.listNetworksCmd().withNameFilter(name).exec().stream().filter(n -> n.getName().equals(name))
                .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
    }

    @Test
    void aSandboxStartedAheadOfTheHubGetsTheHubsEnvironmentOnceAsTheLearnersOwnFile() {
        List<SpawnEvent> ahead = new ArrayList<>();
        assertThat(runtime.startAhead(specs.forUser("cleo", Map.of()), ahead::add)).isTrue();
        assertThat(ahead).extracting(SpawnEvent::message).containsExactly("Sandbox image " + idleImage + " is ready",
                "Container created", "Container started");
        assertThat(runtime.startAhead(specs.forUser("cleo", Map.of()), e -> { })).as("one container per learner").isFalse();
        assertThat(runtime.runningUsers()).containsExactly("cleo");

        List<SpawnEvent> events = new ArrayList<>();
        Sandbox sandbox = runtime.start(specs.forUser("cleo", Map.of("JUPYTERHUB_USER", "cleo", "JUPYTERHUB_API_TOKEN", "t0k3n")),
                events::add);
        assertThat(sandbox.running()).isTrue();
        assertThat(events).extracting(SpawnEvent::message).containsExactly("Waiting for JupyterLab to answer");
        String handed = "cat /tmp/learnbox/hub-env.json; echo; stat -c '%a %u' /tmp/learnbox /tmp/learnbox/hub-env.json";
        CommandResult file = runtime.run("cleo", List.of("sh", "-c", handed), Duration.ofSeconds(30));
        assertThat(file.stdout()).contains("\"JUPYTERHUB_API_TOKEN\":\"t0k3n\"", "\"JUPYTERHUB_USER\":\"cleo\"")
                .endsWith("700 1000\n600 1000\n");

        // The hub asking again for a server that runs hands nothing over: the server has its token.
        events.clear();
        runtime.start(specs.forUser("cleo", Map.of("JUPYTERHUB_API_TOKEN", "another")), events::add);
        assertThat(events).extracting(SpawnEvent::message).containsExactly("Your sandbox is already running");
        assertThat(runtime.run("cleo", List.of("cat", "/tmp/learnbox/hub-env.json"), Duration.ofSeconds(30)).stdout())
                .contains("t0k3n").doesNotContain("another");
    }

    @Test
    void aRunningSandboxIsFoundNotMadeTwiceAndRemovingItKeepsTheHome() {
        Sandbox first = runtime.start(specs.forUser("bob", Map.of()), e -> { });
        List<SpawnEvent> again = new ArrayList<>();
        Sandbox second = runtime.start(specs.forUser("bob", Map.of()), again::add);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(again).extracting(SpawnEvent::message).containsExactly("Your sandbox is already running");
        assertThat(runtime.list()).extracting(Sandbox::user).containsExactly("bob");
        assertThat(runtime.runningUsers()).containsExactly("bob");
        Machine box = runtime.machines().getFirst();
        assertThat(runtime.machines()).hasSize(1);
        assertThat(box.role()).isEqualTo(Machine.SINGLE);
        assertThat(box.learners()).containsExactly("bob");
        assertThat(box.memoryFree()).as("what this machine's kernel can still give").isPositive().isLessThan(box.memoryBytes());

        runtime.remove("bob");
        assertThat(runtime.find("bob")).isEmpty();
        assertThat(runtime.runningUsers()).isEmpty();
        assertThat(docker.inspectVolumeCmd(BOX + "-home-bob").exec().getLabels()).containsEntry("org.learnbox.role", "home");
    }

    @Test
    void aSleepingSandboxIsFrozenNotRunningAndWakesAsItWasWithItsProcesses() {
        Sandbox awake = runtime.start(specs.forUser("sam", Map.of()), e -> { });
        runtime.run("sam", List.of("sh", "-c", "sleep 1000 >/dev/null 2>&1 & echo $! > /tmp/kept"), Duration.ofSeconds(30));
        String kept = runtime.run("sam", List.of("cat", "/tmp/kept"), Duration.ofSeconds(30)).stdout().strip();

        runtime.sleep("sam");
        Sandbox asleep = runtime.find("sam").orElseThrow();
        assertThat(asleep.asleep()).isTrue();
        assertThat(asleep.running()).isFalse();
        assertThat(runtime.runningUsers()).as("a sleeper takes no place among the running").isEmpty();
        assertThatThrownBy(() -> runtime.run("sam", List.of("true"), Duration.ofSeconds(10))).isInstanceOf(SandboxException.class);

        SandboxRuntime.Woken woken = runtime.wake(specs.forUser("sam", Map.of())).orElseThrow();
        assertThat(woken.asLeft()).isTrue();
        assertThat(woken.sandbox().id()).isEqualTo(awake.id());
        assertThat(woken.sandbox().running()).isTrue();
        assertThat(woken.sandbox().url()).isEqualTo(awake.url());
        assertThat(runtime.run("sam", List.of("sh", "-c", "kill -0 " + kept), Duration.ofSeconds(30)).exitCode())
                .as("the process started before the sleep lives on").isZero();
    }

    @Test
    void aSleeperFromAnotherImageThanTheBoxsNowIsNotWokenAndLeavesNoContainer() {
        runtime.start(specs.forUser("uma", Map.of()), e -> { });
        runtime.sleep("uma");
        String base = System.getenv().getOrDefault("LEARNBOX_BASE_IMAGE", "learnbox/base:trixie");
        SandboxSpec upgraded = new SandboxSpecs(properties(base)).forUser("uma", Map.of());

        assertThat(runtime.wake(upgraded)).isEmpty();
        assertThat(runtime.find("uma")).isEmpty();
        assertThat(docker.inspectVolumeCmd(BOX + "-home-uma").exec().getName()).as("the home stays").isEqualTo(BOX + "-home-uma");
    }

    @Test
    void aSleepingSandboxIsRemovedAndANewStartMakesAFreshOne() {
        Sandbox first = runtime.start(specs.forUser("vic", Map.of()), e -> { });
        runtime.sleep("vic");
        runtime.remove("vic");
        assertThat(runtime.find("vic")).isEmpty();

        runtime.start(specs.forUser("vic", Map.of()), e -> { });
        runtime.sleep("vic");
        Sandbox again = runtime.start(specs.forUser("vic", Map.of()), e -> { });
        assertThat(again.id()).as("a start that does not wake replaces the sleeper").isNotEqualTo(first.id());
        assertThat(again.running()).isTrue();
        assertThat(runtime.list()).hasSize(1);
    }

    @Test
    void aLearnerWhoNeverHadASandboxGetsOneOfThePoolsAndItsHomeStaysTheirs() throws Exception {
        String pooled = runtime.startForThePool(specs.forPool("p1"));
        assertThat(runtime.pooled()).isEqualTo(1);
        assertThat(runtime.list()).as("a sandbox of the pool is no learner's").isEmpty();
        assertThat(runtime.runningUsers()).isEmpty();
        asRoot(pooled, "echo made-before > /home/learner/before.txt");

        Sandbox mine = runtime.start(specs.forUser("noa", Map.of("JUPYTERHUB_API_TOKEN", "t0k")), e -> { });
        assertThat(mine.id()).as("the pool's sandbox, already started, is noa's").isEqualTo(pooled);
        assertThat(mine.user()).isEqualTo("noa");
        assertThat(runtime.pooled()).isZero();
        assertThat(runtime.runningUsers()).containsExactly("noa");
        assertThat(runtime.find("noa")).map(Sandbox::id).contains(pooled);
        assertThat(docker.inspectContainerCmd(pooled).exec().getName()).isEqualTo("/" + BOX + "-sandbox-noa");
        assertThat(runtime.run("noa", List.of("cat", SandboxSpecs.HUB_ENV_FILE), Duration.ofSeconds(20)).stdout())
                .as("the hub's environment, handed over as for a start ahead").contains("t0k", "/user/noa/");
        assertThat(docker.inspectVolumeCmd(BOX + "-home-noa").exec().getLabels())
                .containsEntry("org.learnbox.user", "noa").containsEntry("org.learnbox.role", "home");
        asRoot(pooled, "echo made-after > /home/learner/after.txt");

        // Removed and started again: a container of noa's own, on noa's home, with what was written before and after the claim.
        runtime.remove("noa");
        Sandbox again = runtime.start(specs.forUser("noa", Map.of()), e -> { });
        assertThat(again.id()).isNotEqualTo(pooled);
        assertThat(runtime.run("noa", List.of("cat", "/home/learner/before.txt", "/home/learner/after.txt"), Duration.ofSeconds(20)).stdout())
                .isEqualTo("made-before\nmade-after\n");
        assertThat(runtime.findInHome("noa", ".txt", 10).files()).extracting(HomeFile::path).containsExactly("after.txt", "before.txt");
        assertThat(seeingHomes().findInHome("noa", ".txt", 10).files()).as("read straight from the pool's folder it is bound to")
                .extracting(HomeFile::path).containsExactly("after.txt", "before.txt");
        assertThat(seeingHomes().readInHome("noa", "after.txt", 100).bytes()).asString().isEqualTo("made-after\n");

        // A learner who has a home never takes one of the pool's.
        String second = runtime.startForThePool(specs.forPool("p2"));
        runtime.remove("noa");
        assertThat(runtime.start(specs.forUser("noa", Map.of()), e -> { }).id()).isNotEqualTo(second);
        assertThat(runtime.pooled()).isEqualTo(1);
    }

    @Test
    void learnersStartingAtOnceNeverShareOneSandboxOfThePool() throws Exception {
        String pooled = runtime.startForThePool(specs.forPool("p5"));
        List<java.util.concurrent.CompletableFuture<Sandbox>> starts = new ArrayList<>();
        for (String learner : List.of("oli", "pia", "quy", "rex")) {
            starts.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> runtime.start(specs.forUser(learner, Map.of()), e -> { })));
        }
        List<String> ids = new ArrayList<>();
        for (var start : starts) ids.add(start.get(2, java.util.concurrent.TimeUnit.MINUTES).id());
        assertThat(ids).as("four sandboxes, one of them the pool's").doesNotHaveDuplicates().contains(pooled);
        assertThat(runtime.runningUsers()).containsExactlyInAnyOrder("oli", "pia", "quy", "rex");
    }

    /**
     * From the attacker's side: a learner lays links to another's home, and a pipe, in their own
     * home; a teacher's look at it reads neither the other home nor hangs, whichever way it reads.
     */
    @ParameterizedTest(name = "read from the volume's folder: {0}")
    @ValueSource(booleans = {false, true})
    void linksInAHomeLeadNowhereAndAPipeIsNoFile(boolean fromTheFolder) throws Exception {
        DockerSandboxRuntime runtime = fromTheFolder ? seeingHomes() : this.runtime;
        Sandbox bob = runtime.start(specs.forUser("bob", Map.of()), e -> { });
        asRoot(bob.id(), "echo bobs-secret > /home/learner/secret.ipynb");
        runtime.remove("bob");
        Sandbox eve = runtime.start(specs.forUser("eve", Map.of()), e -> { });
        // What a learner can do in their home (this test's image has no learner: the home is its root's, and root here has
        // no capability, as in every sandbox). From the volume's folder, ../../BOX-home-bob/_data is bob's home.
        asRoot(eve.id(), "cd /home/learner && echo mine > mine.ipynb"
                + " && ln -s ../../" + BOX + "-home-bob/_data/secret.ipynb stolen.ipynb"
                + " && ln -s ../../" + BOX + "-home-bob/_data bobs && ln -s / root && mkfifo pipe.ipynb");

        assertThat(runtime.findInHome("eve", ".ipynb", 10).files()).extracting(HomeFile::path).containsExactly("mine.ipynb");
        List<String> nowhere = new ArrayList<>(List.of("stolen.ipynb", "bobs/secret.ipynb", "pipe.ipynb"));
        // Through the engine a link resolves inside the learner's own container, where / is theirs;
        // from the volume's folder, / would be the bridge's.
        if (fromTheFolder) nowhere.add("root/etc/hostname");
        for (String path : nowhere) {
            assertThatThrownBy(() -> runtime.readInHome("eve", path, 1000)).as(path).isInstanceOf(SandboxException.class)
                    .hasMessage("There is no file '" + path + "' in the home of eve.");
        }
        assertThat(runtime.readInHome("eve", "mine.ipynb", 1000).bytes()).asString().isEqualTo("mine\n");
    }

    @Test
    void aSandboxOfThePoolThatEndedGoesWithItsHomeAndSoDoesAHomeWhoseSandboxWentUnclaimed() {
        String ended = runtime.startForThePool(specs.forPool("p3"));
        runtime.startForThePool(specs.forPool("p4"));
        docker.stopContainerCmd(ended).withTimeout(0).exec(); // ended, as by the engine
        docker.removeContainerCmd(BOX + "-pool-p4").withForce(true).exec(); // as ./box down does

        assertThat(runtime.pooled()).isZero();
        assertThat(docker.listVolumesCmd().withFilter("label", List.of("org.learnbox.box=" + BOX)).exec().getVolumes())
                .as("no home of the pool's is left").isNullOrEmpty();
    }

    @Test
    void aBridgeStartingEmptiesThePoolOfTheOneBeforeAndKeepsTheHomesLearnersClaimed() {
        runtime.startForThePool(specs.forPool("p6"));
        runtime.start(specs.forUser("sam", Map.of()), e -> { });
        runtime.startForThePool(specs.forPool("p7"));

        runtime.emptyPool();
        assertThat(runtime.pooled()).isZero();
        assertThat(runtime.runningUsers()).containsExactly("sam");
        assertThat(docker.listVolumesCmd().withFilter("label", List.of("org.learnbox.box=" + BOX)).exec().getVolumes())
                .extracting(com.github.dockerjava.api.command.InspectVolumeResponse::getName)
                .as("sam's home and the pool's folder it is bound onto").containsExactlyInAnyOrder(BOX + "-home-sam", BOX + "-pool-home-p6");
    }

    private void asRoot(String container, String command) throws Exception {
        assertThat(ContainerExec.run(docker, container, "0", Duration.ofSeconds(20), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream(), List.of("sh", "-c", command))).hasValue(0);
    }

    /** A runtime that reads homes straight from the engine's volumes folder, as the box's bridge does. */
    private DockerSandboxRuntime seeingHomes() {
        return new DockerSandboxRuntime(docker, properties(idleImage, docker.infoCmd().exec().getDockerRootDir() + "/volumes"));
    }

    /**
     * A teacher's look at a learner's work: the home is read while the sandbox runs and after it is
     * gone, through the engine and straight from the volume's folder alike.
     */
    @ParameterizedTest(name = "read from the volume's folder: {0}")
    @ValueSource(booleans = {false, true})
    void theHomeIsListedAndReadWhileTheSandboxRunsAndAfterItIsRemoved(boolean fromTheFolder) throws Exception {
        DockerSandboxRuntime runtime = fromTheFolder ? seeingHomes() : this.runtime;
        Sandbox kim = runtime.start(specs.forUser("kim", Map.of()), e -> { });
        ContainerExec.run(docker, kim.id(), "0", Duration.ofSeconds(20), OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                List.of("sh", "-c", "cd /home/learner && mkdir -p work .ipynb_checkpoints && echo '{}' > work/plan.ipynb"
                        + " && echo '{}' > a.ipynb && echo old > .ipynb_checkpoints/a-checkpoint.ipynb && echo '{}' > .hidden.ipynb"
                        + " && echo text > notes.txt && head -c 3000000 /dev/zero > data.bin"));

        HomeListing running = runtime.findInHome("kim", ".ipynb", 10);
        assertThat(running.files()).extracting(HomeFile::path).containsExactly("a.ipynb", "work/plan.ipynb");
        assertThat(running.files().getFirst().size()).isEqualTo(3);
        assertThat(running.files().getFirst().modified()).isAfter(java.time.Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(running.cut()).isFalse();
        assertThat(runtime.findInHome("kim", ".ipynb", 1).cut()).as("more than asked for").isTrue();

        runtime.remove("kim");
        assertThat(runtime.findInHome("kim", ".ipynb", 10).files()).extracting(HomeFile::path).containsExactly("a.ipynb", "work/plan.ipynb");
        try (org.apache.commons.compress.archivers.tar.TarArchiveInputStream tar =
                new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(runtime.copyFolder("kim", "work/plan.ipynb"))) {
            assertThat(tar.getNextEntry().getName()).isEqualTo("plan.ipynb");
            assertThat(new String(tar.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{}\n");
        }
        assertThatThrownBy(() -> runtime.copyFolder("kim", "gone.ipynb")).isInstanceOf(SandboxException.class)
                .hasMessage("There is no folder 'gone.ipynb' in the home of kim.");
        assertThat(runtime.readInHome("kim", "work/plan.ipynb", 3).bytes()).asString().isEqualTo("{}\n");
        assertThat(runtime.readInHome("kim", "data.bin", 1000).tooBig()).isTrue();
        assertThat(runtime.readInHome("kim", "data.bin", 1000).size()).isEqualTo(3_000_000);
        assertThatThrownBy(() -> runtime.readInHome("kim", "gone.ipynb", 100)).isInstanceOf(SandboxException.class)
                .hasMessage("There is no file 'gone.ipynb' in the home of kim.");
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("org.learnbox.box", BOX)).exec())
                .as("every reader is removed once read").isEmpty();

        assertThatThrownBy(() -> runtime.findInHome("nobody", ".ipynb", 10)).isInstanceOf(SandboxException.class)
                .hasMessage("nobody has no sandbox yet: open JupyterLab once, then try again.");
        assertThatThrownBy(() -> runtime.readInHome("nobody", "a.ipynb", 10)).isInstanceOf(SandboxException.class)
                .hasMessage("nobody has no sandbox yet: open JupyterLab once, then try again.");
        assertThatThrownBy(() -> docker.inspectVolumeCmd(BOX + "-home-nobody").exec()).as("a look makes no home")
                .isInstanceOf(com.github.dockerjava.api.exception.NotFoundException.class);
    }

    @Test
    void runsACommandAsTheLearnerInsideTheSandboxAndSaysWhenItIsNotRunning() {
        runtime.start(specs.forUser("eve", Map.of()), e -> { });
        CommandResult answer = runtime.run("eve", List.of("sh", "-c", "id -u; echo oops >&2; exit 3"), Duration.ofSeconds(20));
        assertThat(answer.exitCode()).isEqualTo(3);
        assertThat(answer.stdout()).isEqualTo("1000\n");
        assertThat(answer.stderr()).isEqualTo("oops\n");

        runtime.remove("eve");
        assertThatThrownBy(() -> runtime.run("eve", List.of("true"), Duration.ofSeconds(5)))
                .isInstanceOf(SandboxException.class)
                .hasMessage("The sandbox of eve is not running.");
    }

    @Test
    void aMissingImageIsRefusedInWordsAndLeavesNothing() {
        DockerSandboxRuntime missing = new DockerSandboxRuntime(docker, properties("learnbox/no-such-image:latest"));
        List<SpawnEvent> events = new ArrayList<>();
        assertThatThrownBy(() -> missing.start(new SandboxSpecs(properties("learnbox/no-such-image:latest"))
                .forUser("cy", Map.of()), events::add))
                .isInstanceOf(SandboxException.class)
                .hasMessage("The sandbox image learnbox/no-such-image:latest is missing on this box."
                        + " A teacher can build it with: ./box images");
        assertThat(events).isEmpty();
        assertThat(runtime.find("cy")).isEmpty();
    }

    @Test
    void dockerDownIsSaidInWords() {
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create("unix:///tmp/learnbox-no-docker-here.sock")).build();
        DockerClient down = DockerClientImpl.getInstance(
                DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost("unix:///tmp/learnbox-no-docker-here.sock").build(), http);
        DockerSandboxRuntime runtimeWithoutDocker = new DockerSandboxRuntime(down, properties);
        assertThatThrownBy(() -> runtimeWithoutDocker.start(specs.forUser("dee", Map.of()), e -> { }))
                .isInstanceOf(SandboxException.class)
                .hasMessage("The Docker engine is not answering, so no sandbox can start. A teacher can check it with: ./box status");
        assertThatThrownBy(runtimeWithoutDocker::list).isInstanceOf(SandboxException.class);
    }
}
