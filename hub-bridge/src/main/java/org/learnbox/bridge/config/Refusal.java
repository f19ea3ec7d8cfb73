package org.learnbox.bridge.config;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A refusal in words a person can act on, carrying the status the APIs answer it with. Each
 * feature's exceptions extend it, so that the API's error handling knows no feature. Its words
 * are a key of the message bundles with arguments: pages and APIs say them in the reader's
 * language ({@link Words}), while {@link #getMessage()} (logs, the CLI) says them in English.
 */
public abstract class Refusal extends RuntimeException implements MessageSourceResolvable {
    private final HttpStatus status;
    private final String key;
    private final Object[] arguments;

    protected Refusal(HttpStatus status, String key, Object... arguments) {
        super(key);
        this.status = status;
        this.key = key;
        this.arguments = arguments.clone();
    }

    /** A refusal caused by a failure, e.g. of the Docker engine or the disk. */
    protected Refusal(HttpStatus status, Throwable cause, String key, Object... arguments) {
        super(key, cause);
        this.status = status;
        this.key = key;
        this.arguments = arguments.clone();
    }

    public HttpStatus status() {
        return status;
    }

    @Override
    public String getMessage() {
        return Words.english(key, arguments);
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return null;
    }
}
