package org.learnbox.bridge.assignment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The languages the box grades, each with its comment (which starts a marker) and the stub a
 * student finds where a solution was. A Java notebook is one for the box's Java kernel
 * (kernelspec {@code java}); its test cells pass when they run without an exception.
 */
public enum NotebookLanguage {
    PYTHON("#", List.of("# YOUR CODE HERE", "raise NotImplementedError()"), "python", "python3", "ipython"),
    JAVA("//", List.of("// YOUR CODE HERE", "throw new UnsupportedOperationException();"), "java");

    private final String comment;
    private final List<String> stub;
    private final List<String> names;

    NotebookLanguage(String comment, List<String> stub, String... names) {
        this.comment = comment;
        this.stub = stub;
        this.names = List.of(names);
    }

    /** What starts a comment, and so a marker, in a code cell. */
    public String comment() {
        return comment;
    }

    /** The lines a solution is replaced by, before indentation. */
    public List<String> stub() {
        return stub;
    }

    /**
     * The language a notebook's metadata names: language_info's name, else the kernelspec's
     * language, else the kernelspec's name.
     */
    static Optional<NotebookLanguage> of(JsonNode metadata) {
        return named(said(metadata));
    }

    /** The language name the metadata gives, "" when none. */
    static String said(JsonNode metadata) {
        for (JsonNode name : List.of(metadata.path("language_info").path("name"), metadata.path("kernelspec").path("language"),
                metadata.path("kernelspec").path("name"))) {
            if (name.isString() && !name.asString().isBlank()) return name.asString().strip();
        }
        return "";
    }

    private static Optional<NotebookLanguage> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (NotebookLanguage language : values()) {
            if (language.names.contains(lower)) return Optional.of(language);
        }
        return Optional.empty();
    }
}
