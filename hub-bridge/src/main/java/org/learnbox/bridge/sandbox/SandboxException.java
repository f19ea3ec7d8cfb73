package org.learnbox.bridge.sandbox;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A sandbox could not be started or found; the message is shown to the learner as it is. */
public class SandboxException extends Refusal {
    public SandboxException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, message);
    }

    public SandboxException(String message, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, message, cause);
    }

    private SandboxException(HttpStatus status, String message) {
        super(status, message);
    }

    /** What was asked for is not there (no sandbox, no such file in the home): the engine itself answered. */
    public static SandboxException notFound(String message) {
        return new SandboxException(HttpStatus.NOT_FOUND, message);
    }

    public boolean isNotFound() {
        return status() == HttpStatus.NOT_FOUND;
    }
}
