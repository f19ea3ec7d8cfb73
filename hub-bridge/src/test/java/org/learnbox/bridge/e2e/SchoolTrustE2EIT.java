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
 * Inside a learner's sandbox, curl, Python, git and Java reach the first and refuse the second.
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
                .containsPattern("sandboxes trust \\d+ certificate\\(s\\) of the school");
    }
}
