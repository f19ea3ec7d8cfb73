package org.learnbox.bridge.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An assignment handed to a class, with its due date (null: none). */
@Entity
@Table(name = "assignment_release")
public class AssignmentRelease {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assignment_id", nullable = false, length = 64)
    private String assignmentId;

    @Column(name = "classroom_id", nullable = false)
    private Long classroomId;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "released_at", nullable = false)
    private Instant releasedAt;

    protected AssignmentRelease() {}

    AssignmentRelease(String assignmentId, Long classroomId, Instant dueAt) {
        this.assignmentId = assignmentId;
        this.classroomId = classroomId;
        this.dueAt = dueAt;
        this.releasedAt = Instant.now();
    }

    void moveDue(Instant dueAt) {
        this.dueAt = dueAt;
    }

    public Long getId() { return id; }
    public String getAssignmentId() { return assignmentId; }
    public Long getClassroomId() { return classroomId; }
    public Instant getDueAt() { return dueAt; }
    public Instant getReleasedAt() { return releasedAt; }
}
