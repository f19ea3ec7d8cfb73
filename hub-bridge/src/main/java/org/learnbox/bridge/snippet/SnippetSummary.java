package org.learnbox.bridge.snippet;

import java.time.Instant;

/** A snippet in a list or a search result. */
public record SnippetSummary(String id, String owner, String title, Language language, Visibility visibility,
        int newestVersion, Instant updatedAt) {

    static SnippetSummary of(Snippet snippet) {
        return new SnippetSummary(snippet.getId(), snippet.getOwner(), snippet.getTitle(), snippet.getLanguage(),
                snippet.getVisibility(), snippet.getLatestVersion(), snippet.getUpdatedAt());
    }
}
