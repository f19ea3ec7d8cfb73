package org.learnbox.bridge.snippet;

import java.util.List;

/**
 * What a person asks a snippet to be, as typed: the service checks it and refuses it in words.
 * An edit sends the whole draft; only changed files make a new version.
 */
public record SnippetDraft(String title, Language language, Visibility visibility, List<SnippetFile> files) {
    /** The draft from form or JSON text; an unknown language or visibility is refused in words. */
    public static SnippetDraft of(String title, String language, String visibility, List<SnippetFile> files) {
        return new SnippetDraft(title, Language.parse(language), Visibility.parse(visibility), files);
    }
}
