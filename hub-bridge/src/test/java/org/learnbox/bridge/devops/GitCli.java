package org.learnbox.bridge.devops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real git command-line client, as a learner runs it: no prompts (a missing password fails at
 * once), no settings of the machine's user, and a fixed author.
 */
final class GitCli {
    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path home;

    GitCli(Path home) {
        this.home = home;
    }

    Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "credential.helper=", "-c", "init.defaultBranch=main",
                "-c", "user.name=Learner", "-c", "user.email=learner@example.org", "-c", "advice.detachedHead=false"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(dir);
            Path out = Files.createTempFile(home, "out", ".txt");
            Path err = Files.createTempFile(home, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("HOME", home.toString());
            builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
            builder.environment().put("GIT_ASKPASS", "");
            builder.environment().put("SSH_ASKPASS", "");
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("git " + String.join(" ", args) + " took over two minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs git and fails the test, showing what git said, unless it succeeds. */
    Result ok(Path dir, String... args) {
        Result result = run(dir, args);
        if (!result.ok()) throw new AssertionError("git " + String.join(" ", args) + " failed: " + result);
        return result;
    }

    /** A new work tree with one commit of one file; returns the commit's id. */
    String commit(Path dir, String file, String content, String message) {
        try {
            if (!Files.isDirectory(dir.resolve(".git"))) ok(dir, "init", "-q");
            Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ok(dir, "add", file);
        ok(dir, "commit", "-q", "-m", message);
        return head(dir);
    }

    String head(Path dir) {
        return ok(dir, "rev-parse", "HEAD").out().strip();
    }
}
