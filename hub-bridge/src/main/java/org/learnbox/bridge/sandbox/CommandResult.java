package org.learnbox.bridge.sandbox;

/** What a command run inside a sandbox answered. */
public record CommandResult(int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
