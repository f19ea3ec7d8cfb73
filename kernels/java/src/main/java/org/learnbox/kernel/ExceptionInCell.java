package org.learnbox.kernel;

import java.util.List;

/** The learner's code threw an exception that nothing caught. */
final class ExceptionInCell extends CellError {
    ExceptionInCell(String message, List<String> traceback) {
        super(message, traceback);
    }
}
