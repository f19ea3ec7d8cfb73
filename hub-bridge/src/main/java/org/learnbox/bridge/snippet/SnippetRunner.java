package org.learnbox.bridge.snippet;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.learnbox.bridge.sandbox.CommandResult;
import org.learnbox.bridge.sandbox.Sandbox;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.springframework.stereotype.Component;

/**
 * "Run": a snippet runs in the visitor's own sandbox, never in its author's. Its files land in
 * ~/snippets/ID of the visitor's home, and the program runs there for at most 20 seconds.
 */
@Component
class SnippetRunner {
    static final int SECONDS = 20;
    private static final int MAX_OUTPUT = 64 * 1024;
    private static final Pattern JAVA_MAIN = Pattern.compile("static\\s+void\\s+main\\s*\\(");

    private final SandboxRuntime sandboxes;

    SnippetRunner(SandboxRuntime sandboxes) {
        this.sandboxes = sandboxes;
    }

    SnippetRun run(SnippetView snippet, String visitor) {
        String program = program(snippet);
        if (sandboxes.find(visitor).filter(Sandbox::running).isEmpty()) {
            throw new SnippetException("snippet.refused.sandbox-not-running");
        }
        String folder = "snippets/" + snippet.id();
        Map<String, String> files = new LinkedHashMap<>();
        snippet.files().forEach(file -> files.put(file.name(), file.content()));
        sandboxes.copyInto(visitor, folder, files);
        String script = "cd ~/" + folder + " && timeout " + SECONDS + " " + program + " 2>&1 | head -c " + MAX_OUTPUT
                + "; exit ${PIPESTATUS[0]}";
        CommandResult result = sandboxes.run(visitor, List.of("bash", "-c", script), Duration.ofSeconds(SECONDS + 15));
        return new SnippetRun(program, result.exitCode(), result.stdout());
    }

    /** The command that runs the snippet, by its language; what is not a program is said so. */
    static String program(SnippetView snippet) {
        return switch (snippet.language()) {
            case PYTHON -> "python3 " + quoted(mainFile(snippet, ".py", "main.py", null));
            case JAVA -> "java " + quoted(mainFile(snippet, ".java", null, JAVA_MAIN));
            case WEB -> throw new SnippetException("snippet.refused.web-not-program");
            // Top to bottom by its kernel's language, as a notebook app runs (sandbox-images/app-notebook).
            case NOTEBOOK -> "learnbox-run-notebook " + quoted(mainFile(snippet, ".ipynb", null, null));
        };
    }

    private static String mainFile(SnippetView snippet, String extension, String preferred, Pattern mustHave) {
        List<SnippetFile> candidates = snippet.files().stream()
                .filter(file -> file.name().endsWith(extension))
                .filter(file -> mustHave == null || mustHave.matcher(file.content()).find())
                .toList();
        return candidates.stream().filter(file -> file.name().equals(preferred)).findFirst()
                .or(() -> candidates.stream().findFirst())
                .map(SnippetFile::name)
                .orElseThrow(() -> new SnippetException(mustHave == null ? "snippet.refused.no-file-to-run"
                        : "snippet.refused.no-main", extension));
    }

    private static String quoted(String name) {
        return "'" + name.replace("'", "'\\''") + "'";
    }
}
