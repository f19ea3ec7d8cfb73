package org.learnbox.bridge.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learnbox.bridge.docker.SwarmApi;
import org.learnbox.bridge.sandbox.Sandbox;
import org.learnbox.bridge.sandbox.SandboxSpec;
import org.learnbox.bridge.sandbox.SwarmSandboxRuntime;

/**
 * Figures of the Swarm runtime on the test cluster (not a test: {@code bench/swarm_bench.sh} runs it):
 * one learner's sandbox placed and running, against the same small image started as a plain container
 * on one engine; 30 learners at once across the three nodes; a drained node's learners back elsewhere.
 * Each sandbox runs the apps' small static image, so the figures are the cluster's own cost, not
 * JupyterLab's start (the single box's spawn figures have that).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwarmClusterBench {
    private static final String IMAGE = SwarmCluster.SANDBOX_IMAGE;
    private static final long MIB = 1024L * 1024;
    private final Shell host = NestedEngines.hostShell();
    private SwarmCluster cluster;
    private SwarmApi swarm;
    private SwarmSandboxRuntime runtime;

    @BeforeAll
    void aClusterOfThreeNodes() throws Exception {
        cluster = SwarmCluster.start(host);
        swarm = cluster.api();
        runtime = cluster.runtime(swarm, "lbbench");
        runtime.start(spec("warm-up"), event -> {});
        runtime.remove("warm-up");
    }

    @AfterAll
    void removeTheCluster() throws Exception {
        if (swarm != null) swarm.close();
        if (cluster != null) cluster.close();
    }

    private static SandboxSpec spec(String user) {
        return new SandboxSpec(user, null, IMAGE, Map.of(), 0.5, 256 * MIB, 128, 8080);
    }

    @Test
    void figures() throws Exception {
        List<Long> alone = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant start = Instant.now();
            runtime.start(spec("solo" + i), event -> {});
            alone.add(Duration.between(start, Instant.now()).toMillis());
        }
        List<Long> plain = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant start = Instant.now();
            cluster.manager().sh("docker run -d --name plain" + i + " --cap-drop ALL -u 1000:1000 " + IMAGE + " >/dev/null"
                    + " && until [ \"$(docker inspect -f '{{.State.Running}}' plain" + i + ")\" = true ]; do sleep 0.05; done").requireSuccess();
            plain.add(Duration.between(start, Instant.now()).toMillis());
        }
        cluster.manager().sh("docker rm -f $(docker ps -aq --filter name=plain) >/dev/null");
        for (int i = 0; i < 10; i++) runtime.remove("solo" + i);

        List<String> class30 = IntStream.range(0, 30).mapToObj(i -> "class" + i).toList();
        Instant together = Instant.now();
        List<Long> each = new ArrayList<>();
        try (ExecutorService logins = Executors.newFixedThreadPool(30)) {
            List<Future<Long>> started = new ArrayList<>();
            for (String learner : class30) {
                started.add(logins.submit(() -> {
                    runtime.start(spec(learner), event -> {});
                    return Duration.between(together, Instant.now()).toMillis();
                }));
            }
            for (Future<Long> one : started) each.add(one.get());
        }
        long allRunning = Duration.between(together, Instant.now()).toMillis();
        Map<String, Long> perNode = new java.util.TreeMap<>();
        for (String learner : class30) perNode.merge(cluster.nodeOf("lbbench-sandbox-" + learner), 1L, Long::sum);

        String drained = SwarmCluster.NAMES.get(1);
        List<String> there = class30.stream().filter(l -> cluster.nodeOf("lbbench-sandbox-" + l).equals(drained)).toList();
        Instant drain = Instant.now();
        cluster.manager().sh("docker node update --availability drain " + drained).requireSuccess();
        String drainedAddress = "//" + cluster.addresses.get(drained) + ":";
        for (String learner : there) {
            while (runtime.find(learner).filter(Sandbox::running).filter(s -> !s.url().contains(drainedAddress)).isEmpty()) {
                if (Duration.between(drain, Instant.now()).toMinutes() > 5) throw new AssertionError(learner + " not back in 5 minutes");
                Thread.sleep(100);
            }
        }
        long back = Duration.between(drain, Instant.now()).toMillis();

        System.out.printf("SWARM-BENCH one sandbox placed and running, 10 in a row: p50 %d ms, min %d, max %d%n",
                median(alone), alone.stream().min(Long::compare).orElseThrow(), alone.stream().max(Long::compare).orElseThrow());
        System.out.printf("SWARM-BENCH the same image as a plain container on the manager's engine: p50 %d ms%n", median(plain));
        System.out.printf("SWARM-BENCH 30 learners at once: all running after %d ms (p50 of each %d ms), per node %s%n",
                allRunning, median(each), perNode);
        System.out.printf("SWARM-BENCH a drained node's %d learners all back elsewhere after %d ms%n", there.size(), back);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
