package org.learnbox.kernel;

/**
 * What cell code calls instead of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}: the
 * {@link ExitRewriter} points those calls here when a snippet class is loaded. Ending the JVM would end the kernel
 * and every definition with it, so the call fails like any other exception and the kernel goes on. A notebook run
 * as a program ({@link NotebookRunner}) is the exception: there it ends the program.
 */
public final class ExitGuard {

    static final String MESSAGE =
            "System.exit is not available in a notebook: restart the kernel from the Kernel menu instead";

    // Set by the notebook runner: there an exit ends the notebook's run as it ends a program, with its status.
    private static volatile boolean exitAllowed;

    private ExitGuard() {
    }

    static void allowExit() {
        exitAllowed = true;
    }

    /** In place of {@code System.exit(status)}. */
    public static void exit(int status) {
        exit(Runtime.getRuntime(), status);
    }

    /** In place of {@code runtime.exit(status)} and {@code runtime.halt(status)} (where allowed, both exit). */
    public static void exit(Runtime runtime, int status) {
        if (exitAllowed) {
            System.out.flush();
            System.err.flush();
            runtime.exit(status);
        }
        throw new ExitNotAvailable(MESSAGE);
    }

    /**
     * An error rather than an exception, so that a learner's {@code catch (Exception e)} does not swallow it and
     * run on as if the program had ended.
     */
    public static final class ExitNotAvailable extends Error {
        ExitNotAvailable(String message) {
            super(message, null, false, false);
        }
    }
}
