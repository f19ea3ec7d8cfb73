package org.learnbox.bridge.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A teacher's class: students join it with its code, and get the courses assigned to it. */
@Entity
public class Classroom {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 48)
    private String name;

    @Column(nullable = false, length = 48)
    private String slug;

    @Column(nullable = false, length = 32)
    private String teacher;

    @Column(name = "join_code", nullable = false, unique = true, length = 9)
    private String joinCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The teacher may watch a student's desktop, read-only (students are told on their dashboard). */
    @Column(name = "desktops_watched", nullable = false)
    private boolean desktopsWatched;

    protected Classroom() {}

    Classroom(String name, String slug, String teacher, String joinCode) {
        this.name = name;
        this.slug = slug;
        this.teacher = teacher;
        this.joinCode = joinCode;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getTeacher() { return teacher; }
    public String getJoinCode() { return joinCode; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isDesktopsWatched() { return desktopsWatched; }

    void watchDesktops(boolean allowed) {
        this.desktopsWatched = allowed;
    }

    /** The class's group in JupyterHub: unique, readable, stable. */
    public String hubGroup() {
        return teacher + "-" + slug;
    }
}
