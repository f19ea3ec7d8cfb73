package org.learnbox.kernel;

import java.util.List;

/** The learner (or the frontend) interrupted the cell. */
final class CellInterrupted extends CellError {
    private static final String MESSAGE = "The cell was interrupted. Everything defined before it is still there.";

    CellInterrupted() {
        super(MESSAGE, List.of(MESSAGE));
    }
}
