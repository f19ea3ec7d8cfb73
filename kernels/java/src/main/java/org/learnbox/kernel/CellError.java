package org.learnbox.kernel;

import java.util.List;

/**
 * A cell that did not run to its end. The kernel reports its class name as {@code ename} and its lines as the
 * traceback the learner sees, so both are written for a learner.
 */
abstract class CellError extends RuntimeException {

    private final List<String> traceback;

    CellError(String message, List<String> traceback) {
        super(message, null, false, false);
        this.traceback = List.copyOf(traceback);
    }

    List<String> traceback() {
        return traceback;
    }
}
