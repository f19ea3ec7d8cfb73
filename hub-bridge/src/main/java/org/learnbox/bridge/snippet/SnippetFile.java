package org.learnbox.bridge.snippet;

import java.nio.charset.StandardCharsets;

/** One file of a snippet: its name and its text (stored as UTF-8). */
public record SnippetFile(String name, String content) {
    public SnippetFile {
        content = content == null ? "" : content;
    }

    long size() {
        return content.getBytes(StandardCharsets.UTF_8).length;
    }
}
