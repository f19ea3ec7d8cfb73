package org.learnbox.bridge.snippet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;

/** A snippet as listed and searched: who owns it, what it is, who sees it, and its newest version. */
@Entity
class Snippet {
    @Id
    @Column(length = SnippetIds.LENGTH)
    private String id;

    @Column(nullable = false, length = 32)
    private String owner;

    @Column(nullable = false, length = SnippetRules.MAX_TITLE)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Language language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Visibility visibility;

    @Column(name = "latest_version", nullable = false)
    private int latestVersion;

    @Column(name = "forked_from_id", length = SnippetIds.LENGTH)
    private String forkedFromId;

    @Column(name = "forked_from_version")
    private Integer forkedFromVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Snippet() {}

    /** A new snippet with no version yet; the service adds version 1 in the same transaction. */
    Snippet(String id, String owner, SnippetDraft draft, SnippetSource forkedFrom) {
        this.id = id;
        this.owner = owner;
        this.title = draft.title();
        this.language = draft.language();
        this.visibility = draft.visibility();
        if (forkedFrom != null) {
            this.forkedFromId = forkedFrom.id();
            this.forkedFromVersion = forkedFrom.version();
        }
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    String getId() { return id; }
    String getOwner() { return owner; }
    String getTitle() { return title; }
    Language getLanguage() { return language; }
    Visibility getVisibility() { return visibility; }
    int getLatestVersion() { return latestVersion; }
    Instant getUpdatedAt() { return updatedAt; }

    boolean isOwnedBy(String person) {
        return owner.equals(person);
    }

    /** The snippet and version this one was copied from, or null; kept even after the source is deleted. */
    SnippetSource forkedFrom() {
        return forkedFromId == null ? null : new SnippetSource(forkedFromId, forkedFromVersion);
    }

    /** Title, language and visibility belong to the snippet, not to a version: changing them adds none. */
    void describe(String title, Language language, Visibility visibility) {
        if (!title.equals(this.title) || language != this.language || visibility != this.visibility) {
            this.title = title;
            this.language = language;
            this.visibility = visibility;
            this.updatedAt = Instant.now();
        }
    }

    void newestIs(int version) {
        this.latestVersion = version;
        this.updatedAt = Instant.now();
    }

    void show(Visibility visibility) {
        describe(title, language, Objects.requireNonNull(visibility));
    }
}
