package org.learnbox.bridge.assignment;

import java.util.List;

/**
 * A submitted notebook graded: each graded cell's outcome in notebook order, the points the box
 * gave ({@code score}, manual points not yet in), the notebook's whole points, and the executed
 * notebook with its outputs (bounded), as the student and teacher see it.
 */
public record GradedNotebook(List<CellGrade> cells, double score, double maxScore, byte[] gradedNotebook) {
    public GradedNotebook {
        cells = List.copyOf(cells);
    }

    /** Whether some cells' points are a teacher's to give. */
    public boolean awaitsTeacher() {
        return cells.stream().anyMatch(CellGrade::awaitsTeacher);
    }
}
