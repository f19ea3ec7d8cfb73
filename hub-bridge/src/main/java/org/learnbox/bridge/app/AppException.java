package org.learnbox.bridge.app;

/** A refusal or failure about a live app, in words for its owner. */
public class AppException extends RuntimeException {
    public AppException(String message) {
        super(message);
    }

    public AppException(String message, Throwable cause) {
        super(message, cause);
    }
}
