package org.learnbox.kernel;

/** Unchecked on purpose: {@link java.util.Scanner} would swallow an IOException and say only "No line found". */
public final class InputNotAvailableException extends IllegalStateException {
    InputNotAvailableException() {
        super("This cell cannot read System.in: the frontend that ran it does not accept keyboard input "
                + "(allow_stdin is false). Run the cell from JupyterLab or a notebook to type an answer.");
    }
}
