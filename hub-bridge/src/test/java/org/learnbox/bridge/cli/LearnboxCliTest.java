package org.learnbox.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The command line's own part: what it sends, what it prints and its exit codes, against a
 * stand-in for the bridge's admin API. The e2e tests drive it for real, through ./box.
 */
class LearnboxCliTest {
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private volatile boolean adminMade;
    /** The status the account list answers with when not 200 (Keycloak starting: 503). */
    private volatile int accountsRefusedWith;
    private final HttpServer bridge = bridge();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private final InputStream realIn = System.in;

    @AfterEach
    void putBack() {
        bridge.stop(0);
        System.setOut(realOut);
        System.setErr(realErr);
        System.setIn(realIn);
    }

    @Test
    void addingAUserSendsTheNameRoleAndThePasswordFromStandardInputWithTheSecret() {
        System.setIn(new ByteArrayInputStream("a-long-secret\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(run(api(), "user", "add", "ada", "--role", "teacher", "--password-stdin")).isZero();
        assertThat(asked).containsExactly("POST /admin-api/users Bearer s3cret "
                + "{\"name\":\"ada\",\"role\":\"teacher\",\"password\":\"a-long-secret\"}");
        assertThat(out.toString()).isEqualTo("added teacher 'ada'\n");
    }

    @Test
    void aRefusalIsTheBridgesOwnWordsOnStandardErrorWithExitCode1() {
        assertThat(run(api(), "user", "remove", "has space")).isEqualTo(1);
        assertThat(asked).containsExactly("DELETE /admin-api/users/has%20space Bearer s3cret ");
        assertThat(err.toString()).isEqualTo("learnbox: There is no account named 'has space'.\n");
    }

    @Test
    void aNameThatLooksLikeAnOptionGoesToTheBridgeToBeJudged() {
        System.setIn(new ByteArrayInputStream("a-long-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(run(api(), "user", "add", "-dash", "--password-stdin")).isZero();
        assertThat(asked).singleElement().asString().contains("{\"name\":\"-dash\",\"role\":\"student\"");
    }

    @Test
    void theVersionIsTheBridgesAndItsSchemas() {
        assertThat(run(api(), "version")).isZero();
        assertThat(out.toString()).isEqualTo("LearnBox 1.2.3, database schema 6\n");
    }

    @Test
    void theMachinesAreEachALineWithItsLearnersBelow() {
        assertThat(run(api(), "machines")).isZero();
        assertThat(asked).containsExactly("GET /admin-api/machines Bearer s3cret ");
        assertThat(out.toString().lines().map(String::stripTrailing).toList()).containsExactly(
                "MACHINE                  ROLE     STATE    NEW LEARNERS  LEARNERS  FREE MEMORY",
                "school-nas               manager  ready    yes                  2  6.0 GiB of 8.0 GiB",
                "    ada, linus",
                "old-pc                   worker   down     no (drain)           0  4.0 GiB of 4.0 GiB");
    }

    @Test
    void awaitingTheAdminAsksUntilOneIsThereAndSaysSoInWordsWhenNoneCame() {
        assertThat(run(api(), "user", "await-admin", "--timeout", "1")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("learnbox: The box has no admin after 1 s; see the bridge's log (./box logs bridge).\n");
        assertThat(asked).hasSizeGreaterThan(1).allMatch(call -> call.startsWith("GET /admin-api/users Bearer s3cret"));

        adminMade = true;
        asked.clear();
        assertThat(run(api(), "user", "await-admin")).isZero();
        assertThat(asked).hasSize(1);
    }

    @Test
    void awaitingTheAdminWaitsWhileKeycloakStartsAndSaysWhatTheBridgeLastSaid() {
        accountsRefusedWith = 503;
        assertThat(run(api(), "user", "await-admin", "--timeout", "1")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("learnbox: The box has no admin after 1 s; see the bridge's log (./box logs bridge)."
                + " The bridge last said: Keycloak does not answer the box now (I/O error).\n");
        assertThat(asked).hasSizeGreaterThan(1);

        accountsRefusedWith = 0;
        adminMade = true;
        assertThat(run(api(), "user", "await-admin")).isZero();
    }

    @Test
    void awaitingTheAdminStopsAtARefusalThatIsNotForNow() {
        accountsRefusedWith = 500;
        assertThat(run(api(), "user", "await-admin", "--timeout", "60")).isEqualTo(1);
        assertThat(asked).hasSize(1);
        assertThat(err.toString()).isEqualTo("learnbox: The bridge answered 500.\n");
    }

    @Test
    void aBridgeThatDoesNotAnswerIsExitCode3AndACommandLineThatIsNoneIs2() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(run(new AdminApi(URI.create("http://127.0.0.1:" + closed), "s3cret"), "class", "list")).isEqualTo(3);
        assertThat(err.toString()).contains("The bridge does not answer at http://127.0.0.1:" + closed);
        assertThat(run(api(), "user", "frobnicate")).isEqualTo(2);
        assertThat(run(api(), "app", "rollback", "no-slash")).isEqualTo(2);
        assertThat(asked).isEmpty();
    }

    @Test
    void aClassIsMadeAndFilledAndAnAssignmentImportedReleasedAndGradedFromTheCommandLine() {
        assertThat(run(api(), "class", "add", "Class 10A", "--teacher", "mr-abe")).isZero();
        assertThat(run(api(), "class", "enrol", "ABCD-1234", "lin", "kai")).isZero();
        assertThat(run(api(), "assignment", "import", "http://git.school/ps1.git")).isZero();
        assertThat(run(api(), "assignment", "release", "ps1", "ABCD-1234", "--due", "2027-01-15T23:59:00+08:00")).isZero();
        assertThat(run(api(), "assignment", "grades", "ps1", "--csv")).isZero();

        assertThat(asked).containsExactly(
                "POST /admin-api/classes Bearer s3cret {\"name\":\"Class 10A\",\"teacher\":\"mr-abe\"}",
                "POST /admin-api/classes/ABCD-1234/students Bearer s3cret {\"students\":[\"lin\",\"kai\"]}",
                "POST /admin-api/assignments Bearer s3cret {\"git\":\"http://git.school/ps1.git\"}",
                "POST /admin-api/assignments/ps1/releases Bearer s3cret {\"class\":\"ABCD-1234\",\"due\":\"2027-01-15T23:59:00+08:00\"}",
                "GET /admin-api/assignments/ps1/grades Bearer s3cret ");
        assertThat(out.toString()).isEqualTo("""
                ABCD-1234  Class 10A (mr-abe)
                made lin with the password tall-river-42
                enrolled kai
                imported ps1 (Problem set 1): 2 notebooks, 10 points
                released ps1 to Class 10A (ABCD-1234), due 2027-01-15T15:59:00Z
                assignment,duedate,timestamp,student_id
                ps1,,,lin
                """);
        assertThat(accepted.getLast()).startsWith("text/csv,");
    }

    private int run(AdminApi api, String... args) {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        return LearnboxCli.run(new LearnboxCli(api), args);
    }

    private AdminApi api() {
        return new AdminApi(URI.create("http://127.0.0.1:" + bridge.getAddress().getPort()), "s3cret");
    }

    /** Knows one account, 'linus', a student (and 'admin' once made); refuses everything else as the bridge does. */
    private HttpServer bridge() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            for (var canned : java.util.Map.of(
                    "/admin-api/classes", "{\"joinCode\":\"ABCD-1234\",\"classroom\":\"Class 10A\",\"teacher\":\"mr-abe\"}",
                    "/admin-api/classes/ABCD-1234/students", "{\"made\":{\"lin\":\"tall-river-42\"},\"joined\":[\"kai\"]}",
                    "/admin-api/assignments", "{\"id\":\"ps1\",\"title\":\"Problem set 1\",\"notebooks\":[\"a.ipynb\",\"b.ipynb\"],\"points\":10.0}",
                    "/admin-api/assignments/ps1/releases", "{\"assignment\":\"ps1\",\"classroom\":\"Class 10A\",\"due\":\"2027-01-15T15:59:00Z\"}",
                    "/admin-api/assignments/ps1/grades", "assignment,duedate,timestamp,student_id\nps1,,,lin\n").entrySet()) {
                server.createContext(canned.getKey(), exchange -> {
                    if (!exchange.getRequestURI().getPath().equals(canned.getKey())) {
                        exchange.sendResponseHeaders(404, -1);
                        exchange.close();
                        return;
                    }
                    asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                            + exchange.getRequestHeaders().getFirst("Authorization") + " "
                            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    accepted.add(exchange.getRequestHeaders().getFirst("Accept"));
                    byte[] bytes = canned.getValue().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
            }
            server.createContext("/admin-api/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
                String method = exchange.getRequestMethod();
                int status;
                String answer;
                if (exchange.getRequestURI().getPath().endsWith("/version")) {
                    status = 200;
                    answer = "{\"version\":\"1.2.3\",\"schema\":\"6\"}";
                } else if (exchange.getRequestURI().getPath().endsWith("/machines")) {
                    status = 200;
                    answer = "[{\"name\":\"school-nas\",\"role\":\"manager\",\"state\":\"ready\",\"availability\":\"active\","
                            + "\"learners\":[\"ada\",\"linus\"],\"memoryBytes\":8589934592,\"memoryFree\":6442450944},"
                            + "{\"name\":\"old-pc\",\"role\":\"worker\",\"state\":\"down\",\"availability\":\"drain\","
                            + "\"learners\":[],\"memoryBytes\":4294967296,\"memoryFree\":4294967296}]";
                } else if (method.equals("GET") && accountsRefusedWith != 0) {
                    status = accountsRefusedWith;
                    answer = accountsRefusedWith == 503 ? "{\"message\":\"Keycloak does not answer the box now (I/O error).\"}" : "{}";
                } else if (method.equals("GET")) {
                    status = 200;
                    answer = "[{\"name\":\"linus\",\"role\":\"student\"}"
                            + (adminMade ? ",{\"name\":\"admin\",\"role\":\"admin\"}]" : "]");
                } else if (method.equals("POST")) {
                    status = 201;
                    answer = "{}";
                } else {
                    status = 404;
                    answer = "{\"message\":\"There is no account named 'has space'.\"}";
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
