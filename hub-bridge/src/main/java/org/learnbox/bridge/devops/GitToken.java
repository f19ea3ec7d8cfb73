package org.learnbox.bridge.devops;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal access token for git, as stored: its hash only, with the first characters to recognise it by. */
@Entity
@Table(name = "git_token")
class GitToken {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String owner;

    @Column(nullable = false, length = 40)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 12)
    private String hint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected GitToken() {}

    GitToken(String owner, String name, String tokenHash, String hint) {
        this.owner = owner;
        this.name = name;
        this.tokenHash = tokenHash;
        this.hint = hint;
        this.createdAt = Instant.now();
    }

    Long getId() { return id; }
    String getOwner() { return owner; }
    String getName() { return name; }
    String getHint() { return hint; }
    Instant getCreatedAt() { return createdAt; }
    Instant getLastUsedAt() { return lastUsedAt; }

    void usedAt(Instant when) {
        this.lastUsedAt = when;
    }
}
