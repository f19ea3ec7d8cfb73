package org.learnbox.kernel;

/**
 * What cell code calls instead of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}: the
 * {@link ExitRewriter} points those calls here when a snippet class is loaded. Ending the JVM would end the kernel
 * and every definition with it, so the call fails like any other exception and the kernel goes on.
 */
public final class ExitGuard {

    static final String MESSAGE =
            "System.exit is not available in a notebook: restart the kernel from the Kernel menu instead";

    private ExitGuard() {
    }

    /** In place of {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new ExitNotAvailable(MESSAGE);
    }

    /** In place of {@code runtime.exit(status)} and {@code runtime.halt(status)}. */
    public static void exit(Runtime runtime, int status) {
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
