package org.learnbox.bridge.snippet;

import java.time.Instant;
import java.util.List;

/** A line of a snippet's history. */
public record SnippetVersionInfo(int number, Instant createdAt, long size, List<String> fileNames) {
    static SnippetVersionInfo of(SnippetVersion version) {
        return new SnippetVersionInfo(version.getNumber(), version.getCreatedAt(), version.getSize(), version.fileNames());
    }
}
