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
    final int appsPort;
    final int bridgePort;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private RunningBox(Shell shell, String adminPassword, String project, int portOffset, String upOutput) {
        this.upOutput = upOutput;
        this.shell = shell;
        this.adminPassword = adminPassword;
        this.project = project;
        this.port = PORT + portOffset;
        this.appsPort = APPS_PORT + portOffset;
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
        // Apps sleep after 15 s without a request here, so a test sees one sleep and wake. They get the
        // time to start that a school's box gives them (30 s): a Java notebook's app on a busy machine needs more than 10.
        // The box trusts a certificate authority of the tests' own making (as a school's), beside this machine's own.
        started = startBox(PROJECT, 0, Map.of("LEARNBOX_SANDBOX_IMAGE", SANDBOX_IMAGE,
                "LEARNBOX_APPS_IDLE_TIMEOUT", "15s", "LEARNBOX_APPS_SLEEP_CHECK_EVERY", "2s", "LEARNBOX_SANDBOX_MAX_FILE", "8MB",
                "LEARNBOX_CA_CERTS", TestCertificates.trustedFolder().toString()));
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
        try {
            Shell.Result upped = shell.run(Duration.ofMinutes(10), null, up).requireSuccess();
            Matcher password = Pattern.compile("password: (\\S+)").matcher(upped.stdout());
            if (!password.find()) throw new AssertionError("./box up printed no admin password:\n" + upped.stdout());
            return new RunningBox(shell, password.group(1), project, portOffset, upped.stdout());
        } catch (RuntimeException | AssertionError failed) {
            throw takenDownAfter(failed, shell, project);
        }
    }

    /** A box that did not start is taken down (its ports free for the next test) after its services' last words are kept. */
    private static AssertionError takenDownAfter(Throwable failed, Shell shell, String project) {
        String logs = shell.run(Duration.ofMinutes(1), null, "docker", "compose", "-p", project, "-f", "box-image/compose.yaml",
                "--profile", "sso", "--profile", "monitoring", "logs", "--no-color", "--tail", "80").stdout();
        wipe(shell, project);
        return new AssertionError(failed.getMessage() + "\n--- the box's last log lines:\n" + logs, failed);
    }

    /**
     * Starts a box of its own, wiped first, with nothing but {@code docker compose up -d} (as on a
     * machine with Docker alone) and reads the admin's password from the init service's log.
     */
    static RunningBox startWithComposeAlone(String project, int portOffset, Map<String, String> settings) throws Exception {
        return startWithComposeAlone(projectRoot(), project, portOffset, settings);
    }

    /** As above, from the compose file of the folder {@code root}, with more options for {@code up -d}. */
    static RunningBox startWithComposeAlone(Path root, String project, int portOffset, Map<String, String> settings, String... upOptions)
            throws Exception {
        Map<String, String> env = env(project, portOffset, root.resolve("hub-bridge/target/box-state-" + project), settings);
        env.keySet().removeAll(java.util.Set.of("LEARNBOX_STATE", "LEARNBOX_SKIP_BUILD")); // ./box's own settings
        Shell shell = new Shell(root, env);
        wipe(shell, project);
        try {
            return composeUp(shell, project, portOffset, upOptions);
        } catch (RuntimeException | AssertionError failed) {
            throw takenDownAfter(failed, shell, project);
        }
    }

    private static RunningBox composeUp(Shell shell, String project, int portOffset, String... upOptions) throws InterruptedException {
        RunningBox box = new RunningBox(shell, null, project, portOffset, "");
        String[] up = new String[upOptions.length + 8];
        System.arraycopy(new String[] {"docker", "compose", "-p", project, "-f", "box-image/compose.yaml", "up", "-d"}, 0, up, 0, 8);
        System.arraycopy(upOptions, 0, up, 8, upOptions.length);
        // Images pulled from a registry, or built: minutes, not seconds.
        shell.run(Duration.ofMinutes(20), null, up).requireSuccess();
        java.time.Instant deadline = java.time.Instant.now().plus(Duration.ofMinutes(3));
        while (!box.answersItsFrontDoor()) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("the box did not answer within 3 minutes:\n" + box.compose("ps", "-a").stdout());
            }
            Thread.sleep(500);
        }
        Matcher password = Pattern.compile("password: (\\S+)").matcher(box.compose("logs", "--no-log-prefix", "init").stdout());
        if (!password.find()) throw new AssertionError("the init service printed no admin password");
        return new RunningBox(shell, password.group(1), project, portOffset, "");
    }

    /** A box that runs elsewhere (on a simulated NAS), reached from here on its ports. */
    static RunningBox reachedAt(Shell shell, String adminPassword, String project, int portOffset) {
        return new RunningBox(shell, adminPassword, project, portOffset, "");
    }

    Shell.Result compose(String... args) {
        String[] command = new String[args.length + 6];
        System.arraycopy(new String[] {"docker", "compose", "-p", project, "-f", "box-image/compose.yaml"}, 0, command, 0, 6);
        System.arraycopy(args, 0, command, 6, args.length);
        return shell.run(Duration.ofMinutes(5), null, command);
    }

    boolean answersItsFrontDoor() {
        try {
            // The login page, the hub, and the app gateway (any answer of its own: 400 to a bare readiness question).
            return http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                    && http.send(HttpRequest.newBuilder(URI.create(url("/hub/api/"))).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                    && http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + appsPort + "/.learnbox/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 400;
        } catch (java.io.IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Takes a box down and removes everything it made: containers, sandboxes, volumes, state. */
    static void wipe(Shell shell, String project) {
        shell.run("bash", "-c", "docker compose -p " + project + " -f box-image/compose.yaml --profile sso --profile monitoring down -v --remove-orphans 2>/dev/null;"
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

    /** ./box with these settings beside the box's own, as an admin who changed one runs it. */
    Shell.Result boxWith(Map<String, String> settings, String... args) {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("env"));
        settings.forEach((name, value) -> command.add(name + "=" + value));
        command.add("./box");
        command.addAll(java.util.List.of(args));
        return shell.run(Duration.ofMinutes(5), null, command.toArray(String[]::new));
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

    /** After a restart of the box's parts: the login page, the hub, the app gateway (the last to start) and the bridge's admin API answer. */
    void awaitFrontDoor() throws Exception {
        for (int i = 0; i < 120; i++) {
            try {
                if (answersItsFrontDoor() && bridgeApi("GET", "/admin-api/users", null).statusCode() == 200) return;
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the box did not come back");
    }

    /** The bridge's own API, as the hub plugin and the box script call it. */
    HttpResponse<String> bridgeApi(String method, String path, String json) throws Exception {
        String secret = sharedSecret();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridgePort + path))
                .header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The secret the init service made, as the bridge's container has it now (a restore brings back the backup's). */
    String sharedSecret() {
        return docker("exec", project + "-bridge-1", "cat", "/run/learnbox/shared-secret").requireSuccess().stdout().strip();
    }

    /**
     * Ids of every container of this box that is the user's, running or not: labelled as theirs,
     * or bearing their sandbox's name (one taken from the pool keeps the labels it was made with).
     */
    String containersOf(String user) {
        return docker("ps", "-a", "--filter", "label=org.learnbox.box=" + project,
                "--format", "{{.ID}} {{.Names}} {{.Label \"org.learnbox.user\"}}").requireSuccess().stdout().lines()
                .map(line -> line.split(" ", -1))
                .filter(c -> c[1].equals(sandboxContainer(user)) || c[2].equals(user))
                .map(c -> c[0]).collect(java.util.stream.Collectors.joining("\n"));
    }

    String sandboxContainer(String user) {
        return project + "-sandbox-" + user;
    }

    /** Runs a command inside a user's sandbox, as the learner. */
    Shell.Result inSandbox(String user, String script) {
        return docker("exec", sandboxContainer(user), "bash", "-c", script);
    }
}
