package org.learnbox.bridge.config;

import org.springframework.http.HttpStatus;

/**
 * A refusal in words a person can act on, carrying the status the APIs answer it with. Each
 * feature's exceptions extend it, so that the API's error handling knows no feature.
 */
public abstract class Refusal extends RuntimeException {
    private final HttpStatus status;

    protected Refusal(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    protected Refusal(HttpStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
