package org.learnbox.bridge.sandbox;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A sandbox could not be started or found; its words are shown to the learner. */
public class SandboxException extends Refusal {
    public SandboxException(String key, Object... arguments) {
        super(HttpStatus.SERVICE_UNAVAILABLE, key, arguments);
    }

    public SandboxException(Throwable cause, String key, Object... arguments) {
        super(HttpStatus.SERVICE_UNAVAILABLE, cause, key, arguments);
    }

    private SandboxException(HttpStatus status, String key, Object... arguments) {
        super(status, key, arguments);
    }

    /** What was asked for is not there (no sandbox, no such file in the home): the engine itself answered. */
    public static SandboxException notFound(String key, Object... arguments) {
        return new SandboxException(HttpStatus.NOT_FOUND, key, arguments);
    }

    public boolean isNotFound() {
        return status() == HttpStatus.NOT_FOUND;
    }
}
