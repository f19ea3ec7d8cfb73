package org.learnbox.bridge.assignment;

/**
 * One graded cell of a submission as the gradebook and feedback show it: its notebook, the
 * points it can give and the points given (null: a teacher's to give, not given yet), how it ran,
 * its error, and the teacher's comment (null: none).
 */
public record SubmissionCell(String notebook, String gradeId, CellKind kind, double maxPoints, Double points, CellStatus status,
        String error, String comment) {
    static SubmissionCell of(String notebook, CellGrade grade) {
        return new SubmissionCell(notebook, grade.gradeId(), grade.kind(), grade.maxPoints(), grade.points(), grade.status(), grade.error(),
                null);
    }

    /** Whether a teacher gives its points, by reading it. */
    public boolean manual() {
        return kind == CellKind.MANUAL_ANSWER || kind == CellKind.MANUAL_TASK;
    }

    boolean sameCell(SubmissionCell other) {
        return notebook.equals(other.notebook) && gradeId.equals(other.gradeId);
    }

    SubmissionCell withTeachers(Double points, String comment) {
        return new SubmissionCell(notebook, gradeId, kind, maxPoints, points, status, error, comment);
    }
}
