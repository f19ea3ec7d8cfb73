package org.learnbox.bridge.assignment;

/**
 * One graded cell's outcome: its points, or null when a teacher gives them (a manually graded
 * answer or task); {@code error} is the runner's "Name: value" when it raised one, else "".
 */
public record CellGrade(String gradeId, CellKind kind, double maxPoints, Double points, CellStatus status, String error) {
    /** Whether the points await a teacher. */
    public boolean awaitsTeacher() {
        return points == null;
    }
}
