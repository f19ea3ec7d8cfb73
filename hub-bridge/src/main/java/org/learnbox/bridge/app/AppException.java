package org.learnbox.bridge.app;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A refusal or failure about a live app, in words for its owner. */
public class AppException extends Refusal {
    public AppException(String message) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }

    protected AppException(HttpStatus status, String message) {
        super(status, message);
    }

    public AppException(String message, Throwable cause) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, message, cause);
    }
}
