package org.learnbox.bridge.assignment;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.time.Instant;

/**
 * One submission of a student, kept whole (the notebooks as they were when submitted), and its
 * grading: the points, each cell's outcome (JSON) and the graded notebooks that are its feedback.
 */
@Entity
public class Submission {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "release_id", nullable = false)
    private Long releaseId;

    @Column(name = "account_name", nullable = false, length = 32)
    private String accountName;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] files;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SubmissionState state;

    private Double score;

    @Column(name = "max_score")
    private Double maxScore;

    @Column(name = "late_days", nullable = false)
    private int lateDays;

    @Lob
    private String cells;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] feedback;

    @Column(length = 2000)
    private String problem;

    @Column(name = "graded_at")
    private Instant gradedAt;

    protected Submission() {}

    Submission(Long releaseId, String accountName, Instant submittedAt, byte[] files, int lateDays) {
        this.releaseId = releaseId;
        this.accountName = accountName;
        this.submittedAt = submittedAt;
        this.files = files;
        this.lateDays = lateDays;
        this.state = SubmissionState.QUEUED;
    }

    void graded(double score, double maxScore, String cells, byte[] feedback, String problem) {
        this.state = SubmissionState.GRADED;
        this.score = score;
        this.maxScore = maxScore;
        this.cells = cells;
        this.feedback = feedback;
        this.problem = problem;
        this.gradedAt = Instant.now();
    }

    /** A teacher's points or comment on a cell: the cells and score change, the run's outcome stays. */
    void regraded(double score, String cells) {
        this.score = score;
        this.cells = cells;
    }

    void failed(String problem) {
        this.state = SubmissionState.FAILED;
        this.problem = problem;
        this.gradedAt = Instant.now();
    }

    void requeue() {
        this.state = SubmissionState.QUEUED;
    }

    public Long getId() { return id; }
    public Long getReleaseId() { return releaseId; }
    public String getAccountName() { return accountName; }
    public Instant getSubmittedAt() { return submittedAt; }
    byte[] getFiles() { return files; }
    public SubmissionState getState() { return state; }
    public Double getScore() { return score; }
    public Double getMaxScore() { return maxScore; }
    public int getLateDays() { return lateDays; }
    String getCells() { return cells; }
    byte[] getFeedback() { return feedback; }
    public String getProblem() { return problem; }
    public Instant getGradedAt() { return gradedAt; }
}
