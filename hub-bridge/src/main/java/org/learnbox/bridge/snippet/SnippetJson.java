package org.learnbox.bridge.snippet;

import java.time.Instant;
import java.util.List;

/** Snippets as the JSON API reads and writes them: languages and visibilities in the lower-case words of the forms. */
final class SnippetJson {
    private SnippetJson() {}

    /** What a client sends to make or change a snippet; the whole snippet, as an edit saves it whole. */
    record Draft(String title, String language, String visibility, List<SnippetFile> files) {
        SnippetDraft toDraft() {
            return SnippetDraft.of(title, language, visibility, files);
        }
    }

    /** One version of a snippet, with what the caller may do to it. */
    record Details(String id, String owner, String title, String language, String visibility, int version,
            int newestVersion, Instant versionCreatedAt, List<SnippetFile> files, SnippetSource forkedFrom,
            boolean mayEdit, boolean mayDelete) {
        static Details of(SnippetView view) {
            return new Details(view.id(), view.owner(), view.title(), view.language().id(), view.visibility().id(),
                    view.version(), view.newestVersion(), view.versionCreatedAt(), view.files(), view.forkedFrom(),
                    view.mayEdit(), view.mayDelete());
        }
    }

    record Summary(String id, String owner, String title, String language, String visibility, int newestVersion,
            Instant updatedAt) {
        static Summary of(SnippetSummary summary) {
            return new Summary(summary.id(), summary.owner(), summary.title(), summary.language().id(),
                    summary.visibility().id(), summary.newestVersion(), summary.updatedAt());
        }
    }
}
