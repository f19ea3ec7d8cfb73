package org.learnbox.kernel;

import java.util.List;

/** The cell's code does not compile; nothing from the failing snippet on has run. */
final class CompilationError extends CellError {
    CompilationError(String message, List<String> traceback) {
        super(message, traceback);
    }
}
