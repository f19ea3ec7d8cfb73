package org.learnbox.bridge.devops;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A repository or token action refused, in words; nothing was changed. */
public class RepoException extends Refusal {
    public RepoException(String key, Object... arguments) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, key, arguments);
    }

    protected RepoException(HttpStatus status, String key, Object... arguments) {
        super(status, key, arguments);
    }
}
