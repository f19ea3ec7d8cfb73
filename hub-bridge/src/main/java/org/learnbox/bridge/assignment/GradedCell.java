package org.learnbox.bridge.assignment;

/** A cell that carries points: autograder tests, a manually graded answer or a task; {@code cell} counts from 1. */
public record GradedCell(String gradeId, CellKind kind, double points, int cell) {
    /** Whether the box grades it by running it, rather than a teacher. */
    public boolean autograded() {
        return kind == CellKind.AUTOGRADER_TESTS;
    }
}
