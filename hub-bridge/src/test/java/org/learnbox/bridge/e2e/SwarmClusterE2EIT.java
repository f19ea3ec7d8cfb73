package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.learnbox.bridge.docker.SwarmApi;
import org.learnbox.bridge.sandbox.Machine;
import org.learnbox.bridge.sandbox.Sandbox;
import org.learnbox.bridge.sandbox.SandboxException;
import org.learnbox.bridge.sandbox.SandboxSpec;
import org.learnbox.bridge.sandbox.SwarmSandboxRuntime;

/**
 * The box's Swarm runtime on a real cluster of three engines ({@link SwarmCluster}): learners'
 * sandboxes placed across the nodes, confined as on one box (seen from inside, as an attacker
 * sees it), unable to reach each other on a node, and back on another node with their homes when
 * theirs is drained. The sandboxes run the apps' small static image: what is tested is where and
 * how they run, not JupyterLab (the single box's tests have that).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmClusterE2EIT {
    private static final String IMAGE = SwarmCluster.SANDBOX_IMAGE;
    private static final long MIB = 1024L * 1024;
    private static final List<String> LEARNERS = IntStream.rangeClosed(1, 6).mapToObj(i -> "learner" + i).toList();
    private final Shell host = NestedEngines.hostShell();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SwarmCluster cluster;
    private SwarmApi swarm;
    private SwarmSandboxRuntime runtime;

    @BeforeAll
    void aClusterOfThreeNodes() throws Exception {
        cluster = SwarmCluster.start(host);
        swarm = cluster.api();
        runtime = cluster.runtime(swarm, "lbswarm");
    }

    @AfterAll
    void removeTheCluster() throws Exception {
        if (swarm != null) swarm.close();
        if (cluster != null) cluster.close();
    }

    private String managerAddress() {
        return cluster.addresses.get(SwarmCluster.NAMES.getFirst());
    }

    private static SandboxSpec spec(String user, long memoryBytes) {
        return new SandboxSpec(user, null, IMAGE, Map.of("LEARNBOX_LEARNER", user), 0.5, memoryBytes, 128, 8080);
    }

    private static String service(String user) {
        return "lbswarm-sandbox-" + user;
    }

    @Test
    @Order(1)
    void theThreeEnginesAreOneSwarm() {
        String nodes = cluster.manager().sh("docker node ls --format '{{.Hostname}} {{.Status}} {{.Availability}}'").requireSuccess().stdout();
        assertThat(nodes.lines().sorted()).containsExactly(
                "lbswarm-manager Ready Active", "lbswarm-worker1 Ready Active", "lbswarm-worker2 Ready Active");
    }

    @Test
    @Order(2)
    void learnersAreSpreadOverTheNodesAndTheirServersAnswer() throws Exception {
        Set<String> nodes = new HashSet<>();
        for (String learner : LEARNERS) {
            Sandbox sandbox = runtime.start(spec(learner, 256 * MIB), event -> {});
            assertThat(sandbox.running()).isTrue();
            String node = cluster.nodeOf(service(learner));
            nodes.add(node);
            assertThat(sandbox.url()).as("published on its node").startsWith("http://" + cluster.addresses.get(node) + ":");
            // busybox's httpd answers (its /app is empty): the learner's server is reached where it runs, from the manager
            assertThat(fromTheManager("busybox wget -T 5 -q -O /dev/null " + sandbox.url() + "/ 2>&1; echo exit=$?"))
                    .contains("404 Not Found");
        }
        String aWorkersLearner = runtime.list().stream().filter(s -> !s.url().contains("//" + managerAddress() + ":")).findFirst()
                .orElseThrow().url();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(aWorkersLearner + "/")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding())).as("from anywhere but the manager, a learner's server is out of reach")
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(nodes).as("Swarm spreads the learners").containsExactlyInAnyOrderElementsOf(SwarmCluster.NAMES);
        for (String worker : SwarmCluster.NAMES.subList(1, 3)) {
            assertThat(cluster.nodes.get(worker).sh("docker image ls --format '{{.Repository}}'").requireSuccess().stdout().lines())
                    .as("what " + worker + " runs it pulled from the cluster's registry; nothing was loaded there")
                    .contains(SwarmCluster.REGISTRY + "/learnbox/app-static").doesNotContain("learnbox/app-static");
        }
        assertThat(runtime.runningUsers()).containsExactlyInAnyOrderElementsOf(LEARNERS);
        assertThat(runtime.start(spec(LEARNERS.getFirst(), 256 * MIB), event -> {}).url())
                .as("a second start finds the one running").isEqualTo(runtime.find(LEARNERS.getFirst()).orElseThrow().url());
    }

    @Test
    @Order(3)
    void eachMachineSaysItsLearnersAndTheMemoryLeftForMore() {
        List<Machine> machines = runtime.machines();
        assertThat(machines).extracting(Machine::name).containsExactlyElementsOf(SwarmCluster.NAMES);
        assertThat(machines).extracting(Machine::role).containsExactly("manager", "worker", "worker");
        for (Machine machine : machines) {
            List<String> runningThere = LEARNERS.stream().filter(l -> cluster.nodeOf(service(l)).equals(machine.name())).sorted().toList();
            assertThat(machine.learners()).as(machine.name()).isEqualTo(runningThere);
            assertThat(machine.state()).isEqualTo("ready");
            assertThat(machine.availability()).isEqualTo("active");
            // a quarter of each learner's 256 MiB is what Swarm holds for them there
            assertThat(machine.memoryFree()).as(machine.name()).isEqualTo(machine.memoryBytes() - runningThere.size() * 64 * MIB);
        }
    }

    @Test
    @Order(4)
    void eachSandboxIsConfinedAsOnOneBoxWhateverItsNode() {
        for (String node : SwarmCluster.NAMES) {
            String learner = LEARNERS.stream().filter(l -> cluster.nodeOf(service(l)).equals(node)).findFirst().orElseThrow();
            String inside = inside(learner, "id -u; grep -E '^(CapEff|NoNewPrivs)' /proc/self/status;"
                    // its own cgroup's limits, as the node's engine shows them (cgroup v2, or v1's controllers)
                    + " if [ -e /sys/fs/cgroup/pids.max ]; then cat /sys/fs/cgroup/pids.max /sys/fs/cgroup/memory.max;"
                    + " else cat /sys/fs/cgroup/pids/pids.max /sys/fs/cgroup/memory/memory.limit_in_bytes; fi");
            assertThat(inside.lines().map(String::strip).toList()).as("on " + node).containsExactly(
                    "1000", "CapEff:\t0000000000000000", "NoNewPrivs:\t1", "128", String.valueOf(256 * MIB));
        }
    }

    @Test
    @Order(5)
    void sandboxesOnOneNodeCannotReachEachOther() {
        // Six learners on three nodes: one node at least has two (the manager runs the registry too, so fewer may land there).
        Map<String, List<String>> byNode = LEARNERS.stream().collect(java.util.stream.Collectors.groupingBy(l -> cluster.nodeOf(service(l))));
        String node = byNode.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no node with two learners: " + byNode));
        List<String> here = byNode.get(node);
        String otherAddress = cluster.nodes.get(node).sh("docker inspect -f '{{(index .NetworkSettings.Networks \"" + SwarmCluster.SANDBOXES
                + "\").IPAddress}}' " + cluster.containerOf(service(here.get(1)))).requireSuccess().stdout().strip();
        assertThat(otherAddress).isNotBlank();
        String probe = "busybox wget -T 3 -q -O /dev/null http://" + otherAddress + ":8080/ 2>&1; echo exit=$?";
        assertThat(insideResult(here.get(1), probe).stdout()).as("the server answers at that address (its empty folder: 404)")
                .contains("404 Not Found");
        assertThat(insideResult(here.getFirst(), probe).stdout()).as("no traffic between sandboxes on one node")
                .doesNotContain("404").doesNotContain("exit=0");
    }

    @Test
    @Order(6)
    void aSandboxReachesTheManagersFrontDoorButNoOtherNode() {
        String worker1 = SwarmCluster.NAMES.get(1);
        String worker2 = SwarmCluster.NAMES.get(2);
        String onWorker1 = LEARNERS.stream().filter(l -> cluster.nodeOf(service(l)).equals(worker1)).findFirst().orElseThrow();
        String onWorker2 = LEARNERS.stream().filter(l -> cluster.nodeOf(service(l)).equals(worker2)).findFirst().orElseThrow();
        String neighbour = runtime.find(onWorker2).orElseThrow().url();
        assertThat(insideResult(onWorker1, "busybox wget -T 3 -q -O /dev/null " + neighbour + "/ 2>&1; echo exit=$?").stdout())
                .as("another node's learner is out of reach").doesNotContain("404").doesNotContain("exit=0");
        // Nothing listens on the manager's front door in this test: refused is reached, where dropped would wait.
        assertThat(insideResult(onWorker1, "busybox wget -T 3 -q -O /dev/null http://" + managerAddress() + ":8000/ 2>&1; echo exit=$?")
                .stdout()).as("the manager's front door is reached").containsIgnoringCase("refused");
        assertThat(insideResult(onWorker1, "busybox wget -T 3 -q -O /dev/null http://" + cluster.addresses.get(worker2) + ":8000/ 2>&1;"
                + " echo exit=$?").stdout()).as("another node is not").doesNotContainIgnoringCase("refused").doesNotContain("exit=0");
        // An image pushed to the cluster's registry would run on every node: no sandbox reaches it, wherever it
        // runs (on the manager, the engine's own proxy takes the port in); nor its own node's Swarm ports.
        for (String node : SwarmCluster.NAMES) {
            String learner = LEARNERS.stream().filter(l -> cluster.nodeOf(service(l)).equals(node)).findFirst().orElseThrow();
            assertThat(insideResult(learner, "busybox wget -T 3 -q -O - http://" + managerAddress() + ":5000/v2/ 2>&1; echo exit=$?")
                    .stdout()).as("the registry from " + node).contains("timed out");
            assertThat(insideResult(learner, "busybox wget -T 3 -q -O - http://" + cluster.addresses.get(node) + ":7946/ 2>&1; echo exit=$?")
                    .stdout()).as("Swarm's gossip port of " + node + " from a sandbox there").contains("timed out");
        }
    }

    @Test
    @Order(7)
    void aDrainedNodesLearnerIsBackOnAnotherWithTheirHome() throws Exception {
        String drained = SwarmCluster.NAMES.get(1);
        String learner = LEARNERS.stream().filter(l -> cluster.nodeOf(service(l)).equals(drained)).findFirst().orElseThrow();
        inside(learner, "echo 'kept across nodes' > /home/learner/kept.txt");
        assertThat(Files.readString(cluster.share.resolve("homes/" + learner + "/kept.txt"))).isEqualTo("kept across nodes\n");
        assertThat(new String(runtime.readInHome(learner, "kept.txt", 100).bytes())).isEqualTo("kept across nodes\n");

        cluster.manager().sh("docker node update --availability drain " + drained).requireSuccess();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Optional<Sandbox> back = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            back = runtime.find(learner).filter(Sandbox::running)
                    .filter(sandbox -> !sandbox.url().contains("//" + cluster.addresses.get(drained) + ":"));
            if (back.isPresent()) break;
            Thread.sleep(250);
        }
        assertThat(back).as(learner + " back on another node within 2 minutes").isPresent();
        assertThat(cluster.nodeOf(service(learner))).isNotEqualTo(drained);
        assertThat(inside(learner, "cat /home/learner/kept.txt")).isEqualTo("kept across nodes\n");
        assertThat(cluster.nodes.get(drained).sh("docker ps -q --filter label=com.docker.swarm.service.name=" + service(learner))
                .stdout()).as("nothing of it left on the drained node").isBlank();
        Machine drainedNow = runtime.machines().stream().filter(m -> m.name().equals(drained)).findFirst().orElseThrow();
        assertThat(drainedNow.availability()).isEqualTo("drain");
        assertThat(drainedNow.learners()).as("its learners run elsewhere now").isEmpty();
    }

    @Test
    @Order(8)
    void aClusterWithoutRoomIsRefusedInWordsAndKeepsNothing() {
        // A quarter of 200 GiB is reserved: more than any node of this machine has.
        assertThatThrownBy(() -> runtime.start(spec("toobig", 200 * 1024 * MIB), event -> {}))
                .isInstanceOf(SandboxException.class)
                .hasMessageStartingWith("No machine of the cluster has room for another notebook server")
                .hasMessageContaining("insufficient resources");
        assertThat(runtime.find("toobig")).isEmpty();
        assertThat(swarm.service(service("toobig"))).isEmpty();
    }

    @Test
    @Order(9)
    void removingALearnersSandboxLeavesTheirHome() {
        LEARNERS.forEach(runtime::remove);
        assertThat(runtime.list()).isEmpty();
        assertThat(cluster.share.resolve("homes/" + LEARNERS.getFirst())).isDirectory();
    }

    @Test
    @Order(10)
    void upSwarmRefusesAnEngineThatIsNoSwarmManagerInWords() {
        Shell onThisMachine = new Shell(RunningBox.projectRoot(), Map.of("LEARNBOX_STATE",
                cluster.folder.resolve("not-a-manager").toString(), "LEARNBOX_SKIP_BUILD", "1"));
        Shell.Result refused = onThisMachine.run(Duration.ofMinutes(2), null, "./box", "up", "--swarm");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("this Docker engine is not a Swarm manager (its Swarm: inactive)",
                "run ./box up --swarm on the cluster's manager, or make this machine one with: docker swarm init");
    }

    /**
     * The box itself on the cluster, as the README's steps put it there: ./box up --swarm on the
     * manager deploys the stack (its PostgreSQL, registry, proxy, hub, bridge and gateway), fills the
     * registry, and fifteen learners log in through the front door, land on all three nodes (the one
     * drained before takes learners again once active) and run cells there; one publishes an app.
     * Swarm places each on the node running the fewest tasks: the manager, with the box's six
     * services, takes learners once the workers run as many (the thirteenth learner on).
     */
    @Test
    @Order(11)
    void upSwarmPutsTheBoxOnTheClusterAndFifteenLearnersWorkAcrossTheNodes() throws Exception {
        cluster.manager().sh("docker node update --availability active " + SwarmCluster.NAMES.get(1)).requireSuccess();
        cluster.clearForTheBox();
        Shell onTheManager = cluster.boxShell();
        Shell.Result up = onTheManager.run(Duration.ofMinutes(20), null, "./box", "up", "--swarm");
        assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
        assertThat(up.stdout()).contains("LearnBox is up at http://localhost:" + (RunningBox.PORT + SwarmCluster.BOX_OFFSET) + "/ on the Swarm cluster");
        java.util.regex.Matcher password = java.util.regex.Pattern.compile("password: (\\S+)").matcher(up.stdout());
        assertThat(password.find()).as("the first admin's password, shown once:\n" + up.stdout()).isTrue();
        assertThat(cluster.manager().sh("docker stack services --format '{{.Name}} {{.Replicas}}' learnbox").requireSuccess().stdout().lines().sorted())
                .containsExactly("learnbox_bridge 1/1", "learnbox_gateway 1/1", "learnbox_hub 1/1", "learnbox_postgres 1/1",
                        "learnbox_proxy 1/1", "learnbox_registry 1/1");
        RunningBox box = RunningBox.reachedAt(onTheManager, password.group(1), "learnbox", SwarmCluster.BOX_OFFSET);
        assertThat(new Learner(box, "admin").logInWithoutFollowing(box.adminPassword).statusCode()).isEqualTo(302);
        // Each node's guard fetches the learners' image from the cluster's registry as the box starts.
        cluster.awaitOnEveryNode(SwarmCluster.REGISTRY + "/learnbox/sandbox:latest", Duration.ofMinutes(10));

        Map<String, String> nodeOfLearner = new java.util.TreeMap<>();
        for (int i = 1; i <= 15; i++) {
            String name = "pupil" + i;
            Learner learner = new Learner(box, name);
            learner.logInToLab(box.addUser(name));
            try (KernelSession python = learner.startKernel("python3")) {
                assertThat(python.execute("open('/home/learner/mine.txt', 'w').write('" + name + "'); print(6 * 7)", Duration.ofMinutes(2))
                        .stdout()).isEqualTo("42\n");
            }
            nodeOfLearner.put(name, cluster.nodeOf("learnbox-sandbox-" + name));
            assertThat(Files.readString(cluster.share.resolve("homes/" + name + "/mine.txt"))).as("the home on the share").isEqualTo(name);
        }
        assertThat(new HashSet<>(nodeOfLearner.values())).as("where each learner landed: " + nodeOfLearner)
                .containsExactlyInAnyOrderElementsOf(SwarmCluster.NAMES);

        // The box's state on the stack's PostgreSQL: the learners are rows of the bridge's database there.
        assertThat(cluster.manager().sh("docker exec $(docker ps -q --filter label=com.docker.swarm.service.name=learnbox_postgres)"
                + " sh -c 'PGPASSWORD=$(cat /run/learnbox/postgres-password) psql -h 127.0.0.1 -U learnbox -d bridge -tAc"
                + " \"SELECT count(*) FROM account WHERE name LIKE '\\''pupil%'\\''\"'")
                .requireSuccess().stdout().strip()).isEqualTo("15");
        Shell.Result status = onTheManager.run(Duration.ofMinutes(2), null, "./box", "status");
        assertThat(status.exitCode()).as(status.stderr()).isZero();
        for (String node : SwarmCluster.NAMES) {
            long there = nodeOfLearner.values().stream().filter(node::equals).count();
            assertThat(status.stdout()).as("./box status:\n" + status.stdout()).containsPattern(node + " +\\S+ +ready +yes +" + there + "  ");
        }

        // A live app, published from a learner's lab (its files read from the share), runs on the manager's engine.
        Learner pupil = new Learner(box, "pupil1");
        pupil.logInToLab("pw-pupil1-12345");
        pupil.writeFile("hello/app.py", GitDeployE2EIT.PYTHON_APP.replace("VERSION", "published on the cluster"));
        AppClient apps = new AppClient(box);
        apps.publish(pupil, "hello");
        assertThat(apps.fetch("hello--pupil1", "/").body()).isEqualTo("Python published on the cluster");
    }

    /** A command of the apps' small image run on the manager's own network, where the box's proxy and hub are. */
    private String fromTheManager(String script) {
        return cluster.manager().sh("docker run --rm --network host " + IMAGE + " sh -c \"" + script.replace("$", "\\$") + "\"").stdout();
    }

    private String inside(String learner, String script) {
        return insideResult(learner, script).requireSuccess().stdout();
    }

    private Shell.Result insideResult(String learner, String script) {
        String node = cluster.nodeOf(service(learner));
        return cluster.nodes.get(node).sh("docker exec " + cluster.containerOf(service(learner)) + " sh -c \"" + script.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\"");
    }
}
