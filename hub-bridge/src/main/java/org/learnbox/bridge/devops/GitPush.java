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

/** One branch or tag a push changed, kept on record: a force push or a deletion keeps the commit it replaced. */
@Entity
@Table(name = "git_push")
class GitPush {
    /** What the push did to the branch or tag. */
    enum Kind { CREATE, UPDATE, FORCE, DELETE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false)
    private Long repositoryId;

    @Column(nullable = false, length = 32)
    private String pusher;

    @Column(name = "ref_name", nullable = false)
    private String refName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(name = "old_id", nullable = false, length = 40)
    private String oldId;

    @Column(name = "new_id", nullable = false, length = 40)
    private String newId;

    @Column(name = "pushed_at", nullable = false)
    private Instant pushedAt;

    protected GitPush() {}

    GitPush(Long repositoryId, String pusher, String refName, Kind kind, String oldId, String newId) {
        this.repositoryId = repositoryId;
        this.pusher = pusher;
        this.refName = refName;
        this.kind = kind;
        this.oldId = oldId;
        this.newId = newId;
        this.pushedAt = Instant.now();
    }

    String getPusher() { return pusher; }
    String getRefName() { return refName; }
    Kind getKind() { return kind; }
    String getOldId() { return oldId; }
    String getNewId() { return newId; }
    Instant getPushedAt() { return pushedAt; }
}
