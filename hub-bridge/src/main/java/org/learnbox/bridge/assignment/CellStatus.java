package org.learnbox.bridge.assignment;

import java.util.Optional;

/** How a graded cell fared: as the runner saw it run, or why it did not. */
public enum CellStatus {
    /** Ran to its end without an error. */
    OK("ok"),
    /** Raised an error (an assertion that failed, an exception), or its kernel ended under it. */
    ERROR("error"),
    /** Ran past its time and was stopped. */
    TIMEOUT("timeout"),
    /** Never ran: a cell before it ran out of time, the kernel ended, or the notebook's time was up. */
    NOT_RUN("not-run"),
    /** The submission no longer has it. */
    MISSING(null),
    /** Not code: a teacher grades it by reading it. */
    NOT_CODE(null);

    private final String word;

    CellStatus(String word) {
        this.word = word;
    }

    /** The status learnbox-grade writes for a code cell; empty for a word it never writes. */
    static Optional<CellStatus> ofRunner(String word) {
        for (CellStatus status : values()) {
            if (status.word != null && status.word.equals(word)) return Optional.of(status);
        }
        return Optional.empty();
    }
}
