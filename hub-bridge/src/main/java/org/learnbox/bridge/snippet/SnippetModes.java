package org.learnbox.bridge.snippet;

import java.util.Locale;
import java.util.Map;

/**
 * How CodeMirror 5 highlights a file (a MIME mode): by the file's extension when it is a
 * known one, else by the snippet's language. The editor's script keeps the same table to
 * follow a renamed file; this one decides what the pages show first.
 */
final class SnippetModes {
    static final String JAVA = "text/x-java";
    static final String PYTHON = "text/x-python";
    static final String PLAIN = "text/plain";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("java", JAVA), Map.entry("py", PYTHON), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"), Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"), Map.entry("ipynb", "application/json"),
            Map.entry("txt", PLAIN), Map.entry("md", PLAIN), Map.entry("csv", PLAIN));

    private SnippetModes() {}

    static String of(String fileName, Language language) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String known = dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1));
        if (known != null) return known;
        return switch (language) {
            case JAVA -> JAVA;
            case PYTHON -> PYTHON;
            case WEB -> "text/html";
            case NOTEBOOK -> "application/json";
        };
    }

    /** The first file's name of a new snippet, by language id: the editor names the file after the language chosen. */
    static final java.util.Map<String, String> FIRST_FILE_NAMES = java.util.Arrays.stream(Language.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Language::id, SnippetModes::firstFileName));

    static String firstFileName(Language language) {
        return switch (language) {
            case JAVA -> "Main.java";
            case PYTHON -> "main.py";
            case WEB -> "index.html";
            case NOTEBOOK -> "notebook.ipynb";
        };
    }

    /** The language the text names, or the fallback while the form holds something else (it is refused on save). */
    static Language languageOr(String text, Language fallback) {
        try {
            return Language.parse(text);
        } catch (SnippetException unknown) {
            return fallback;
        }
    }
}
