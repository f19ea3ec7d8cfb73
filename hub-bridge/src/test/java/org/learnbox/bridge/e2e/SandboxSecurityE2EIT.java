package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile code in a cell, from the attacker's side: what a sandbox may reach, what it may
 * not, and what its limits do to bombs.
 */
@ExtendWith(RunningBox.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxSecurityE2EIT {
    private RunningBox box;
    private Learner mallory;
    private Learner victim;

    @BeforeAll
    void twoLearnersInTheirLabs() throws Exception {
        box = RunningBox.get();
        mallory = new Learner(box, "mallory");
        mallory.logInToLab(box.addUser("mallory"));
        victim = new Learner(box, "victim");
        victim.logInToLab(box.addUser("victim"));
    }

    /** Python run in mallory's kernel; prints what happened. */
    private KernelSession.Outcome asMallory(String code) throws Exception {
        try (KernelSession kernel = mallory.startKernel("python3")) {
            return kernel.execute(code, Duration.ofSeconds(90));
        }
    }

    private static String reach(String host, int port) {
        return "reach('" + host + "', " + port + ")";
    }

    private static final String PROBE = """
            import socket
            def reach(host, port):
                try:
                    socket.create_connection((host, port), timeout=3).close()
                    return 'open'
                except OSError as e:
                    return 'closed'
            """;

    @Test
    void theSandboxRunsUnprivilegedWithItsLimits() throws Exception {
        KernelSession.Outcome outcome = asMallory("""
                import os, re
                status = open('/proc/self/status').read()
                print('uid', os.getuid(), os.geteuid())
                print('caps', re.search(r'CapEff:\\s*(\\S+)', status).group(1))
                print('caps-bounding', re.search(r'CapBnd:\\s*(\\S+)', status).group(1))
                print('nonewprivs', re.search(r'NoNewPrivs:\\s*(\\S+)', status).group(1))
                print('docker-socket', os.path.exists('/var/run/docker.sock') or os.path.exists('/run/docker.sock'))
                def first(*paths):
                    for p in paths:
                        if os.path.exists(p):
                            return open(p).read().strip()
                print('memory', first('/sys/fs/cgroup/memory/memory.limit_in_bytes', '/sys/fs/cgroup/memory.max'))
                print('pids', first('/sys/fs/cgroup/pids/pids.max', '/sys/fs/cgroup/pids.max'))
                print('cpu', first('/sys/fs/cgroup/cpu/cpu.cfs_quota_us', '/sys/fs/cgroup/cpu.max'))
                mounts = [l.split()[1] for l in open('/proc/self/mounts')]
                print('home-mounted', '/home/learner' in mounts)
                """);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.stdout()).contains(
                "uid 1000 1000\n",
                "caps 0000000000000000\n",
                "caps-bounding 0000000000000000\n",
                "nonewprivs 1\n",
                "docker-socket False\n",
                "memory 1073741824\n",
                "pids 512\n",
                "home-mounted True\n");
        assertThat(outcome.stdout()).containsPattern("cpu (100000|100000 100000)\n");
    }

    @Test
    void theSandboxReachesTheHubAndTheFrontDoorButNotTheBridgeNorOtherSandboxes() throws Exception {
        String victimIp = box.docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                box.sandboxContainer("victim")).requireSuccess().stdout().strip();
        String bridgeIp = box.docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                RunningBox.PROJECT + "-bridge-1").requireSuccess().stdout().strip();
        assertThat(victimIp).isNotBlank();
        assertThat(bridgeIp).isNotBlank();
        // The victim's server is up: the hub reaches it, so a refusal below is the network's doing.
        assertThat(victim.server("GET", "/api/status", null).statusCode()).isEqualTo(200);

        KernelSession.Outcome outcome = asMallory(PROBE + String.join("\n",
                "print('hub-api', " + reach("host.docker.internal", RunningBox.HUB_API_PORT) + ")",
                "print('front-door', " + reach("host.docker.internal", RunningBox.PORT) + ")",
                "print('bridge-container', " + reach(bridgeIp, 8080) + ")",
                "print('bridge-published', " + reach("host.docker.internal", RunningBox.BRIDGE_PORT) + ")",
                "print('other-sandbox', " + reach(victimIp, 8888) + ")",
                "import urllib.request",
                "print('hub-api-answers', urllib.request.urlopen('http://host.docker.internal:"
                        + RunningBox.HUB_API_PORT + "/hub/api', timeout=5).status)"));
        assertThat(outcome.error()).isNull();
        assertThat(outcome.stdout()).contains(
                "hub-api open\n", "front-door open\n", "hub-api-answers 200\n",
                "bridge-container closed\n", "bridge-published closed\n", "other-sandbox closed\n");
    }

    @Test
    void aForkBombIsHeldByThePidsLimitAndDiesWithItsKernel() throws Exception {
        try (KernelSession kernel = mallory.startKernel("python3")) {
            KernelSession.Outcome bomb = kernel.execute("""
                    import subprocess, time
                    subprocess.Popen(['bash', '-c', ':(){ :|:& };:'])
                    time.sleep(8)
                    print('still here')
                    """, Duration.ofSeconds(60));
            assertThat(bomb.stdout()).contains("still here");
            int pids = Integer.parseInt(box.docker("stats", "--no-stream", "--format", "{{.PIDs}}",
                    box.sandboxContainer("mallory")).requireSuccess().stdout().strip());
            assertThat(pids).isBetween(400, 512);

            // JupyterLab, the box and other learners carry on while the bomb runs.
            assertThat(mallory.server("GET", "/api/status", null).statusCode()).isEqualTo(200);
            try (KernelSession other = victim.startKernel("python3")) {
                assertThat(other.execute("print(2 + 2)", Duration.ofSeconds(60)).stdout()).isEqualTo("4\n");
            }
            assertThat(mallory.server("DELETE", "/api/kernels/" + kernel.id, null).statusCode()).isEqualTo(204);
        }
        // The bomb died with its kernel: the learner starts a new one and goes on.
        assertThat(asMallory("print('recovered')").stdout()).isEqualTo("recovered\n");
        int pidsAfter = Integer.parseInt(box.docker("stats", "--no-stream", "--format", "{{.PIDs}}",
                box.sandboxContainer("mallory")).requireSuccess().stdout().strip());
        assertThat(pidsAfter).isLessThan(100);
    }

    @Test
    void aMemoryBombKillsOnlyTheKernel() throws Exception {
        try (KernelSession kernel = mallory.startKernel("python3")) {
            KernelSession.Outcome bomb = kernel.execute("hog = b'x' * (3 * 1024 ** 3)\nprint('survived')",
                    Duration.ofSeconds(60));
            assertThat(bomb.stdout()).doesNotContain("survived");
        }
        assertThat(mallory.server("GET", "/api/status", null).statusCode()).isEqualTo(200);
        assertThat(box.docker("inspect", "-f", "{{.State.Running}}", box.sandboxContainer("mallory")).stdout().strip())
                .isEqualTo("true");
        assertThat(asMallory("print('alive')").stdout()).isEqualTo("alive\n");
    }

    /**
     * As a student tried it: a memory bomb, then a fork bomb of the kernel's own process, in one
     * kernel, that kernel shut down and a new one asked for. The out-of-memory killer takes the
     * kernels and what they started, never the learner's server (it once took the server, which
     * is the biggest single process beside hundreds of small forks).
     */
    @Test
    void aMemoryBombThenAForkBombEndWithTheirKernelNeverWithTheLearnersServer() throws Exception {
        String before = box.docker("inspect", "-f", "{{.Id}} {{.State.StartedAt}}", box.sandboxContainer("mallory")).stdout().strip();
        try (KernelSession kernel = mallory.startKernel("python3")) {
            assertThat(kernel.execute("hog = bytearray(8 * 1024 ** 3)\nprint('survived')", Duration.ofSeconds(60)).stdout())
                    .doesNotContain("survived");
            kernel.execute("""
                    import os
                    while True:
                        try:
                            os.fork()
                            hog = bytearray(4 * 1024 ** 2)
                        except OSError:
                            pass
                    """, Duration.ofSeconds(20));
            assertThat(mallory.server("DELETE", "/api/kernels/" + kernel.id, null).statusCode()).isEqualTo(204);
        }
        assertThat(asMallory("print('alive')").stdout()).isEqualTo("alive\n");
        assertThat(box.docker("inspect", "-f", "{{.Id}} {{.State.StartedAt}}", box.sandboxContainer("mallory")).stdout().strip())
                .as("the same sandbox, running since before the bombs").isEqualTo(before);
    }

    @Test
    void atItsProcessLimitTheSandboxRefusesKernelsAndTerminalsInWordsNamingTheKernelThatHoldsThem() throws Exception {
        try (KernelSession bomb = mallory.openNotebook("bomb.ipynb", "python3")) {
            bomb.execute("""
                    import subprocess, time
                    subprocess.Popen(['bash', '-c', ':(){ :|:& };:'])
                    time.sleep(8)
                    print('still here')
                    """, Duration.ofSeconds(60));
            HttpResponse<String> kernel = mallory.server("POST", "/api/kernels", "{\"name\":\"python3\"}");
            assertThat(kernel.statusCode()).isEqualTo(503);
            assertThat(messageOf(kernel))
                    .startsWith("No new kernel can start: this sandbox is at its limit of 512 processes.")
                    .containsPattern("The Python 3 kernel of bomb\\.ipynb holds \\d{3} of them: shut that kernel down"
                            + " \\(Kernel menu > Shut Down Kernel\\) and try again\\.");
            HttpResponse<String> terminal = mallory.server("POST", "/api/terminals", null, "zh-CN,zh;q=0.9");
            assertThat(terminal.statusCode()).isEqualTo(503);
            assertThat(messageOf(terminal)).startsWith("无法打开新的终端：此沙箱已达到 512 个进程的上限。")
                    .contains("bomb.ipynb 的 Python 3 内核占用了其中");

            assertThat(mallory.server("DELETE", "/api/kernels/" + bomb.id, null).statusCode()).isEqualTo(204);
        }
        // Shutting the kernel down ended its processes: kernels and terminals start again.
        assertThat(asMallory("print('freed')").stdout()).isEqualTo("freed\n");
        HttpResponse<String> terminal = mallory.server("POST", "/api/terminals", null);
        assertThat(terminal.statusCode()).isEqualTo(200);
        String terminalName = tools.jackson.databind.json.JsonMapper.builder().build().readTree(terminal.body()).path("name").asString();
        assertThat(mallory.server("DELETE", "/api/terminals/" + terminalName, null).statusCode()).isEqualTo(204);
    }

    private static String messageOf(HttpResponse<String> answer) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body()).path("message").asString();
    }
}
