package org.learnbox.bridge.assignment;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.time.Instant;

/** An assignment as imported: its id and title from assignment.yaml, its teacher, and the source folder whole. */
@Entity
public class Assignment {
    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 32)
    private String owner;

    @Column(nullable = false)
    private double points;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] source;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "score_after_due", nullable = false)
    private boolean scoreAfterDue;

    protected Assignment() {}

    Assignment(String id, String owner) {
        this.id = id;
        this.owner = owner;
    }

    /** The source replaced by a newer import: its releases stay, later grading reads the new tests. */
    void replaceSource(String title, double points, boolean scoreAfterDue, byte[] source) {
        this.title = title;
        this.points = points;
        this.scoreAfterDue = scoreAfterDue;
        this.source = source;
        this.importedAt = Instant.now();
    }

    public String getId() { return id; }
    public String getTitle() { return title; }
    public String getOwner() { return owner; }
    public double getPoints() { return points; }
    byte[] getSource() { return source; }
    public Instant getImportedAt() { return importedAt; }
    /** Whether its students see their scores only once it is due (assignment.yaml's {@code score: after-due}). */
    public boolean isScoreAfterDue() { return scoreAfterDue; }
}
