package org.learnbox.bridge.snippet;

/** What a snippet's run printed (output and errors together), and how it ended. Public for the page's template. */
public record SnippetRun(String command, int exitCode, String output) {
    public boolean timedOut() {
        return exitCode == 124; // what timeout(1) answers when it stopped the program
    }
}
