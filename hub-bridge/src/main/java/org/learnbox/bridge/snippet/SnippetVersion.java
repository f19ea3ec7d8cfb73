package org.learnbox.bridge.snippet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One version of a snippet: the list of its files (their text is on disk) and when it was made. Never changed. */
@Entity
@Table(name = "snippet_version")
class SnippetVersion {
    /** A file of a version as the database lists it. */
    @Embeddable
    record StoredFile(
            @Column(name = "name", nullable = false, length = SnippetRules.MAX_FILE_NAME) String name,
            @Column(name = "size_bytes", nullable = false) long size) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "snippet_id", nullable = false, length = SnippetIds.LENGTH)
    private String snippetId;

    @Column(name = "version_number", nullable = false)
    private int number;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "snippet_file", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "file_order")
    private List<StoredFile> files = new ArrayList<>();

    protected SnippetVersion() {}

    SnippetVersion(String snippetId, int number, List<SnippetFile> content) {
        this.snippetId = snippetId;
        this.number = number;
        content.forEach(f -> files.add(new StoredFile(f.name(), f.size())));
        this.size = files.stream().mapToLong(StoredFile::size).sum();
        this.createdAt = Instant.now();
    }

    int getNumber() { return number; }
    long getSize() { return size; }
    Instant getCreatedAt() { return createdAt; }

    List<String> fileNames() {
        return files.stream().map(StoredFile::name).toList();
    }
}
