package org.learnbox.bridge.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole box, started with {@code ./box up} once for all end-to-end tests, on ports of its
 * own and under a project name of its own, and taken down (volumes too) when they are done.
 */
public final class RunningBox implements BeforeAllCallback, AutoCloseable {
    static final String PROJECT = "lbtest";
    static final int PORT = 18000;
    static final int HUB_API_PORT = 18081;
    static final int BRIDGE_PORT = 18090;
    static final int APPS_PORT = 18001;
    /** The test box runs its own tag of the sandbox image, so a test can rebuild or remove it. */
    static final String SANDBOX_IMAGE = "learnbox/sandbox-under-test:latest";

    private static RunningBox started;

    final Shell shell;
    final String adminPassword;
    /** What ./box up printed. */
    final String upOutput;
    final String project;
    final int port;
    final int bridgePort;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private RunningBox(Shell shell, String adminPassword, String project, int portOffset, String upOutput) {
        this.upOutput = upOutput;
        this.shell = shell;
        this.adminPassword = adminPassword;
        this.project = project;
        this.port = PORT + portOffset;
        this.bridgePort = BRIDGE_PORT + portOffset;
    }

    public RunningBox() {
        this(null, null, PROJECT, 0, "");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningBox.class, k -> start(), RunningBox.class);
    }

    static synchronized RunningBox get() {
        if (started == null) throw new IllegalStateException("annotate the test with @ExtendWith(RunningBox.class)");
        return started;
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("box"))) dir = dir.getParent();
        return dir;
    }

    static Map<String, String> env(String project, int portOffset, Path state, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("LEARNBOX_PROJECT", project);
        env.put("LEARNBOX_STATE", state.toString());
        env.put("LEARNBOX_PORT", String.valueOf(PORT + portOffset));
        env.put("LEARNBOX_HUB_API_PORT", String.valueOf(HUB_API_PORT + portOffset));
        env.put("LEARNBOX_PROXY_API_PORT", String.valueOf(18002 + portOffset));
        env.put("LEARNBOX_BRIDGE_PORT", String.valueOf(BRIDGE_PORT + portOffset));
        env.put("LEARNBOX_APPS_PORT", String.valueOf(APPS_PORT + portOffset));
        env.put("LEARNBOX_SKIP_BUILD", "1");
        env.putAll(extra);
        return env;
    }

    private static synchronized RunningBox start() {
        new Shell(projectRoot(), Map.of()).run("docker", "tag", "learnbox/sandbox:latest", SANDBOX_IMAGE).requireSuccess();
        // Apps sleep after 15 s without a request here, so a test sees one sleep and wake.
        started = startBox(PROJECT, 0, Map.of("LEARNBOX_SANDBOX_IMAGE", SANDBOX_IMAGE,
                "LEARNBOX_APPS_IDLE_TIMEOUT", "15s", "LEARNBOX_APPS_SLEEP_CHECK_EVERY", "2s",
                "LEARNBOX_APPS_START_TIMEOUT", "10s"));
        return started;
    }

    /** Starts a box of its own, wiped first, with more options for ./box up; the caller closes it. */
    static RunningBox startBox(String project, int portOffset, Map<String, String> settings, String... upOptions) {
        Path root = projectRoot();
        Path state = root.resolve("hub-bridge/target/box-state-" + project);
        Shell shell = new Shell(root, env(project, portOffset, state, settings));
        wipe(shell, project);
        String[] up = new String[upOptions.length + 2];
        up[0] = "./box";
        up[1] = "up";
        System.arraycopy(upOptions, 0, up, 2, upOptions.length);
        Shell.Result upped = shell.run(Duration.ofMinutes(10), null, up).requireSuccess();
        Matcher password = Pattern.compile("password: (\\S+)").matcher(upped.stdout());
        if (!password.find()) throw new AssertionError("./box up printed no admin password:\n" + upped.stdout());
        return new RunningBox(shell, password.group(1), project, portOffset, upped.stdout());
    }

    /** Takes a box down and removes everything it made: containers, sandboxes, volumes, state. */
    static void wipe(Shell shell, String project) {
        shell.run("bash", "-c", "LEARNBOX_SHARED_SECRET=gone docker compose -p " + project + " -f box-image/compose.yaml --profile sso down -v --remove-orphans 2>/dev/null;"
                + " docker rm -f $(docker ps -aq --filter label=org.learnbox.box=" + project + ") 2>/dev/null;"
                + " docker volume rm $(docker volume ls -q --filter label=org.learnbox.box=" + project + ") 2>/dev/null;"
                + " docker volume rm $(docker volume ls -q --filter label=com.docker.compose.project=" + project + ") 2>/dev/null;"
                + " docker rmi -f $(docker images -q --filter label=org.learnbox.box=" + project + ") 2>/dev/null;"
                + " docker network rm " + project + "-sandboxes " + project + "-apps 2>/dev/null; rm -rf \"$LEARNBOX_STATE\"; true");
    }

    @Override
    public void close() {
        if (shell != null) wipe(shell, project);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A URL of the bridge as the bridge itself reaches it, inside its container. */
    String bridgeUrlForItself(String path) {
        return "http://127.0.0.1:8080" + path;
    }

    Shell.Result box(String stdin, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "./box";
        System.arraycopy(args, 0, command, 1, args.length);
        return shell.run(Duration.ofMinutes(5), stdin, command);
    }

    Shell.Result docker(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        return shell.run(Duration.ofMinutes(5), null, command);
    }

    /** Adds a student through the box script and returns their password. */
    String addUser(String name) {
        return addUser(name, "student");
    }

    /** Adds an account with a role through the box script and returns its password. */
    String addUser(String name, String role) {
        String password = "pw-" + name + "-12345";
        box(password, "user", "add", name, "--role", role, "--password-stdin").requireSuccess();
        return password;
    }

    /** The bridge's own API, as the hub plugin and the box script call it. */
    /** After a restart of the box's parts: the hub and the bridge answer again. */
    void awaitFrontDoor() throws Exception {
        for (int i = 0; i < 120; i++) {
            try {
                if (new Learner(this, "probe").get("/hub/api/").statusCode() == 200
                        && bridgeApi("GET", "/admin-api/users", null).statusCode() == 200) return;
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the box did not come back");
    }

    HttpResponse<String> bridgeApi(String method, String path, String json) throws Exception {
        String secret = Files.readAllLines(Path.of(shell.env().get("LEARNBOX_STATE"), "secrets.env")).get(0).split("=", 2)[1];
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridgePort + path))
                .header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Ids of every container of this box labelled as the user's, running or not. */
    String containersOf(String user) {
        return docker("ps", "-aq", "--filter", "label=org.learnbox.box=" + project,
                "--filter", "label=org.learnbox.user=" + user).requireSuccess().stdout().strip();
    }

    String sandboxContainer(String user) {
        return project + "-sandbox-" + user;
    }

    /** Runs a command inside a user's sandbox, as the learner. */
    Shell.Result inSandbox(String user, String script) {
        return docker("exec", sandboxContainer(user), "bash", "-c", script);
    }
}
