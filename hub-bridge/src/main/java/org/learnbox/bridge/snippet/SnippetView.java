package org.learnbox.bridge.snippet;

import java.time.Instant;
import java.util.List;

/**
 * One version of a snippet as a person may see it, with what they may do to it, so a page
 * shows the right buttons without asking again.
 *
 * @param forkedFrom the source of a fork, or null
 */
public record SnippetView(String id, String owner, String title, Language language, Visibility visibility,
        int version, int newestVersion, Instant versionCreatedAt, List<SnippetFile> files,
        SnippetSource forkedFrom, boolean mayEdit, boolean mayDelete) {

    public boolean isNewest() {
        return version == newestVersion;
    }
}
