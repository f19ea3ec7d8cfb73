package org.learnbox.bridge.devops;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A repository or token action refused, in words; nothing was changed. */
public class RepoException extends Refusal {
    public RepoException(String message) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }

    protected RepoException(HttpStatus status, String message) {
        super(status, message);
    }
}
