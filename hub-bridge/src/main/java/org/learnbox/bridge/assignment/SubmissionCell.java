package org.learnbox.bridge.assignment;

/**
 * One graded cell of a submission as the gradebook and feedback show it: its notebook, the
 * points it can give and the points given (null: a teacher's to give), how it ran and its error.
 */
public record SubmissionCell(String notebook, String gradeId, CellKind kind, double maxPoints, Double points, CellStatus status,
        String error) {
    static SubmissionCell of(String notebook, CellGrade grade) {
        return new SubmissionCell(notebook, grade.gradeId(), grade.kind(), grade.maxPoints(), grade.points(), grade.status(), grade.error());
    }
}
