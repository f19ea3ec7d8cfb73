package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A school network whose proxy inspects TLS, made here: two HTTPS servers on this machine, one
 * with a certificate of the authority the box was given (the school's), one of a stranger's.
 * Inside a learner's sandbox, curl, Python, git and Java reach the first and refuse the second; so
 * do a pushed project's build and its live app, which reach the school's network from the apps'.
 */
@ExtendWith(RunningBox.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolTrustE2EIT {
    private static final int SCHOOL_PORT = 18443;
    private static final int STRANGER_PORT = 18444;
    private static final String SERVE = """
            import http.server, ssl, sys, os
            os.chdir(sys.argv[4])
            server = http.server.ThreadingHTTPServer(('0.0.0.0', int(sys.argv[1])), http.server.SimpleHTTPRequestHandler)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(sys.argv[2], sys.argv[3])
            server.socket = context.wrap_socket(server.socket, server_side=True)
            server.serve_forever()
            """;
    private static final String FETCH_JAVA = """
            public class Fetch {
                public static void main(String[] args) throws Exception {
                    var answer = java.net.http.HttpClient.newHttpClient().send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(args[0])).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    System.out.print(answer.body());
                }
            }
            """;

    /** The school's server stands elsewhere on its network; here it is this machine, which the apps' network may not reach, but for its two ports. */
    private static final String REACH = """
            import socket, struct
            def gateway():
                for line in open("/proc/net/route").read().splitlines()[1:]:
                    fields = line.split()
                    if fields[1] == "00000000":
                        return socket.inet_ntoa(struct.pack("<L", int(fields[2], 16)))
            def school_network():
                address, resolve = gateway(), socket.getaddrinfo
                socket.getaddrinfo = lambda host, *rest, **named: resolve(address if host == "host.docker.internal" else host, *rest, **named)
                return address
            """;
    private static final String BUILD = """
            import reach, subprocess, sys, urllib.request
            school, stranger = sys.argv[1], sys.argv[2]
            address = reach.school_network()
            print("build python: " + urllib.request.urlopen(school + "/hello.txt").read().decode().strip())
            try:
                urllib.request.urlopen(stranger + "/hello.txt")
                print("build python reached the stranger")
            except Exception as refused:
                print("build python refused the stranger: " + str(refused))
            port = school.rsplit(":", 1)[1]
            git = subprocess.run(["git", "-c", "http.curloptResolve=host.docker.internal:" + port + ":" + address, "clone", "-q",
                                  school + "/repo.git", "/tmp/repo"], capture_output=True, text=True)
            print("build git: " + (open("/tmp/repo/notes.txt").read().strip() if git.returncode == 0 else git.stderr))
            open("/tmp/hosts", "w").write(address + " host.docker.internal\\n")
            java = subprocess.run(["java", "-Djdk.net.hosts.file=/tmp/hosts", "Fetch.java", school + "/hello.txt"], capture_output=True, text=True)
            print("build java: " + (java.stdout.strip() if java.returncode == 0 else java.stderr.strip().splitlines()[-1]))
            """;
    private static final String APP = """
            import http.server, os, reach, sys, urllib.request
            reach.school_network()
            class Fetch(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    try:
                        body = urllib.request.urlopen("https://host.docker.internal:" + self.path[1:] + "/hello.txt", timeout=10).read()
                    except Exception as refused:
                        body = ("refused: " + str(refused)).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
            http.server.ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Fetch).serve_forever()
            """;

    private RunningBox box;
    private Process school;
    private Process stranger;

    @BeforeAll
    void twoServers() throws Exception {
        box = RunningBox.get();
        var site = TestCertificates.ROOT.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("hello.txt"), "hello through the school's proxy\n");
        new Shell(site, java.util.Map.of()).run("bash", "-c", "rm -rf src repo.git && git init -q -b main src && echo notes > src/notes.txt"
                + " && git -C src add . && git -C src -c user.name=Teacher -c user.email=t@example.org commit -qm Notes"
                + " && git clone -q --bare src repo.git && git -C repo.git update-server-info").requireSuccess();
        school = serve(SCHOOL_PORT, "school", site);
        stranger = serve(STRANGER_PORT, "stranger", site);
    }

    @AfterAll
    void stopServers() {
        if (school != null) school.destroy();
        if (stranger != null) stranger.destroy();
    }

    private Process serve(int port, String who, java.nio.file.Path site) throws Exception {
        Process server = new ProcessBuilder("python3", "-c", SERVE, String.valueOf(port), TestCertificates.serverCertificate(who).toString(),
                TestCertificates.serverKey(who).toString(), site.toString()).redirectErrorStream(true)
                .redirectOutput(TestCertificates.ROOT.resolve(who + "-server.log").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (new Shell(site, java.util.Map.of()).run("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port).exitCode() != 0) {
            assertThat(Instant.now()).as("the HTTPS server on " + port + " listens").isBefore(deadline);
            Thread.sleep(100);
        }
        return server;
    }

    @Test
    void aSandboxTrustsTheSchoolsAuthorityAndNoOtherInCurlPythonGitAndJava() throws Exception {
        String password = box.addUser("tessa");
        Learner tessa = new Learner(box, "tessa");
        tessa.logInToLab(password);
        String school = "https://host.docker.internal:" + SCHOOL_PORT;
        String stranger = "https://host.docker.internal:" + STRANGER_PORT;

        assertThat(box.inSandbox("tessa", "curl -fsS " + school + "/hello.txt").requireSuccess().stdout())
                .isEqualTo("hello through the school's proxy\n");
        assertThat(box.inSandbox("tessa", "python3 -c \"import urllib.request; print(urllib.request.urlopen('" + school
                + "/hello.txt').read().decode(), end='')\"").requireSuccess().stdout()).isEqualTo("hello through the school's proxy\n");
        Shell.Result cloned = box.inSandbox("tessa", "cd /tmp && git clone -q " + school + "/repo.git && cat repo/notes.txt");
        assertThat(cloned.stdout()).as(cloned.stderr()).isEqualTo("notes\n");
        Shell.Result listed = box.inSandbox("tessa", "git ls-remote " + school + "/repo.git; echo exit=$?");
        assertThat(listed.stdout()).as(listed.stderr()).containsPattern("^[0-9a-f]{40}\tHEAD\n").endsWith("exit=0\n");
        box.inSandbox("tessa", "mkdir -p /tmp/fetch && cat > /tmp/fetch/Fetch.java <<'EOF'\n" + FETCH_JAVA + "EOF").requireSuccess();
        Shell.Result java = box.inSandbox("tessa", "java /tmp/fetch/Fetch.java " + school + "/hello.txt 2>&1");
        assertThat(java.stdout()).as("nothing but the page: no note about options on every run").isEqualTo("hello through the school's proxy\n");

        Shell.Result curlRefused = box.inSandbox("tessa", "curl -fsS " + stranger + "/hello.txt");
        assertThat(curlRefused.exitCode()).isNotZero();
        assertThat(curlRefused.stderr()).contains("certificate");
        Shell.Result pythonRefused = box.inSandbox("tessa", "python3 -c \"import urllib.request; urllib.request.urlopen('"
                + stranger + "/hello.txt')\"");
        assertThat(pythonRefused.stderr()).contains("CERTIFICATE_VERIFY_FAILED");
        Shell.Result javaRefused = box.inSandbox("tessa", "java /tmp/fetch/Fetch.java " + stranger + "/hello.txt 2>&1");
        assertThat(javaRefused.stdout()).contains("unable to find valid certification path");

        assertThat(box.docker("logs", box.project + "-bridge-1").stdout() + box.docker("logs", box.project + "-bridge-1").stderr())
                .containsPattern("notes.pem (is not a PEM certificate|holds no certificate)").contains("passed over")
                .containsPattern("sandboxes, builds and apps trust \\d+ certificate\\(s\\) of the school");
    }

    @Test
    void aPushedProjectsBuildAndItsLiveAppTrustTheSchoolsAuthorityAndNoOther() throws Exception {
        String password = box.addUser("tilda");
        GitClient git = new GitClient(box);
        AppClient apps = new AppClient(box);
        String school = "https://host.docker.internal:" + SCHOOL_PORT;
        String stranger = "https://host.docker.internal:" + STRANGER_PORT;
        java.nio.file.Path project = git.project("fetcher", java.util.Map.of("reach.py", REACH, "build.py", BUILD, "Fetch.java", FETCH_JAVA,
                "app.py", APP, "learnbox.yaml", "runtime: python\nbuild: python3 build.py " + school + " " + stranger + "\n"));
        String appsInterface = ("lbapp-" + box.project).substring(0, Math.min(15, ("lbapp-" + box.project).length())); // as the init's firewall rule names it
        String[] opening = {"-i", appsInterface, "-p", "tcp", "-m", "multiport", "--dports", SCHOOL_PORT + "," + STRANGER_PORT, "-j", "ACCEPT"};
        new Shell(TestCertificates.ROOT, java.util.Map.of()).run(concat("iptables", "-I", "INPUT", opening)).requireSuccess();
        try {
            String pushed = git.commitAndPush(project, "tilda", password, "fetcher", "Fetches through the school's proxy");
            assertThat(pushed).contains("remote: build python: hello through the school's proxy",
                    "remote: build git: notes", "remote: build java: hello through the school's proxy",
                    "remote: fetcher is live at");
            assertThat(pushed).containsPattern("remote: build python refused the stranger: .*CERTIFICATE_VERIFY_FAILED");

            assertThat(apps.fetch("fetcher--tilda", "/" + SCHOOL_PORT).body()).isEqualTo("hello through the school's proxy\n");
            assertThat(apps.fetch("fetcher--tilda", "/" + STRANGER_PORT).body()).startsWith("refused: ").contains("CERTIFICATE_VERIFY_FAILED");
        } finally {
            new Shell(TestCertificates.ROOT, java.util.Map.of()).run(concat("iptables", "-D", "INPUT", opening));
        }
    }

    private static String[] concat(String first, String second, String third, String[] rest) {
        String[] all = new String[rest.length + 3];
        all[0] = first;
        all[1] = second;
        all[2] = third;
        System.arraycopy(rest, 0, all, 3, rest.length);
        return all;
    }
}
