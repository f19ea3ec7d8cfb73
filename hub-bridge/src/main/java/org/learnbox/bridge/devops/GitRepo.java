package org.learnbox.bridge.devops;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A learner's git repository as the box knows it: whose it is and who may clone it. The commits are on disk. */
@Entity
@Table(name = "git_repository")
class GitRepo {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String owner;

    @Column(nullable = false, length = 32)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RepoVisibility visibility;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "pushed_at")
    private Instant pushedAt;

    protected GitRepo() {}

    GitRepo(String owner, String name, RepoVisibility visibility) {
        this.owner = owner;
        this.name = name;
        this.visibility = visibility;
        this.createdAt = Instant.now();
    }

    Long getId() { return id; }
    String getOwner() { return owner; }
    String getName() { return name; }
    RepoVisibility getVisibility() { return visibility; }
    Instant getCreatedAt() { return createdAt; }
    Instant getPushedAt() { return pushedAt; }

    boolean isOwnedBy(String person) {
        return owner.equals(person);
    }

    void show(RepoVisibility visibility) {
        this.visibility = visibility;
    }

    void pushedNow() {
        this.pushedAt = Instant.now();
    }
}
