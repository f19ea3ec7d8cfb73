package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real git client as a learner runs it on their own computer: in a folder of its own, with
 * no system configuration and never a prompt, pushing to the box's address with a name and a
 * password or token in the URL.
 */
final class GitClient {
    private final RunningBox box;
    final Path work;

    GitClient(RunningBox box) throws IOException {
        this.box = box;
        this.work = Files.createTempDirectory("git-client");
    }

    /** A new project folder with these files, a git repository on main. */
    Path project(String name, Map<String, String> files) throws IOException {
        Path dir = work.resolve(name);
        for (var file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        assertThat(git(dir, "init", "-q", "-b", "main").exitCode()).isZero();
        return dir;
    }

    /** Commits everything and pushes main; answers what git printed (the box's "remote:" lines). */
    String commitAndPush(Path dir, String user, String secret, String project, String message) {
        commit(dir, message);
        Shell.Result pushed = git(dir, "push", remote(user, secret, project), "main");
        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        return pushed.stderr();
    }

    void commit(Path dir, String message) {
        assertThat(git(dir, "add", "-A").exitCode()).isZero();
        assertThat(git(dir, "commit", "-qm", message).exitCode()).isZero();
    }

    String remote(String user, String secret, String project) {
        return "http://" + user + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "@localhost:" + box.port
                + "/git/" + user + "/" + project + ".git";
    }

    Shell.Result git(Path dir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        return new Shell(dir, environment()).run(Duration.ofMinutes(10), null, command);
    }

    /** A push that runs in the background while the test acts; its output goes to {@code told}. */
    Process pushInBackground(Path dir, String user, String secret, String project, Path told) throws IOException {
        ProcessBuilder push = new ProcessBuilder("git", "push", remote(user, secret, project), "main")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(told.toFile());
        push.environment().putAll(environment());
        return push.start();
    }

    private Map<String, String> environment() {
        return new HashMap<>(Map.of("GIT_TERMINAL_PROMPT", "0", "GIT_CONFIG_NOSYSTEM", "1",
                "HOME", work.toString(), "GIT_AUTHOR_NAME", "Deployer", "GIT_AUTHOR_EMAIL", "deployer@example.org",
                "GIT_COMMITTER_NAME", "Deployer", "GIT_COMMITTER_EMAIL", "deployer@example.org"));
    }
}
