package org.learnbox.bridge.assignment;

import tools.jackson.databind.JsonNode;

/**
 * What a cell is for, from nbgrader's cell metadata ({@code solution}, {@code grade},
 * {@code locked}, {@code task}), as nbgrader's "Create Assignment" toolbar names them.
 */
public enum CellKind {
    /** solution: the student writes code here; the tests that follow give its points. */
    AUTOGRADED_ANSWER(false, true),
    /** grade, locked: tests that run against the answers; they carry the points. */
    AUTOGRADER_TESTS(true, false),
    /** solution and grade: the student answers, a teacher gives the points. */
    MANUAL_ANSWER(true, true),
    /** task: describes work done anywhere in the notebook, graded by a teacher; the cell itself is locked. */
    MANUAL_TASK(true, false),
    /** locked: shown as it is and never changed, such as a helper the tests use. */
    READ_ONLY(false, false),
    /** no nbgrader metadata, or none that counts: the student may change or delete it. */
    ORDINARY(false, false);

    private final boolean graded;
    private final boolean solution;

    CellKind(boolean graded, boolean solution) {
        this.graded = graded;
        this.solution = solution;
    }

    /** Whether it carries points. */
    public boolean graded() {
        return graded;
    }

    /** Whether the student writes in it, so the release replaces what the teacher wrote. */
    public boolean solution() {
        return solution;
    }

    /** Whether the student may not change it: the release locks it and grading puts it back as it was. */
    public boolean locked() {
        return this == AUTOGRADER_TESTS || this == MANUAL_TASK || this == READ_ONLY;
    }

    /** Whether a grade_id names it, so that a submission's cell is matched to the source's. */
    public boolean needsGradeId() {
        return this != ORDINARY;
    }

    /**
     * The kind the nbgrader metadata says, or null when its flags contradict each other (a task
     * that is also a solution or graded). As nbgrader does, a solution is never locked.
     */
    static CellKind of(JsonNode nbgrader) {
        boolean solution = flag(nbgrader, "solution");
        boolean grade = flag(nbgrader, "grade");
        boolean task = flag(nbgrader, "task");
        boolean locked = flag(nbgrader, "locked");
        if (task) return solution || grade ? null : MANUAL_TASK;
        if (solution) return grade ? MANUAL_ANSWER : AUTOGRADED_ANSWER;
        if (grade) return AUTOGRADER_TESTS;
        return locked ? READ_ONLY : ORDINARY;
    }

    private static boolean flag(JsonNode nbgrader, String name) {
        return nbgrader.path(name).asBoolean(false);
    }
}
