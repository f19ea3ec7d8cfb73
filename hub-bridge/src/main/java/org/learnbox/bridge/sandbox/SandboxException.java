package org.learnbox.bridge.sandbox;

/** A sandbox could not be started or found; the message is shown to the learner as it is. */
public class SandboxException extends RuntimeException {
    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
