package org.learnbox.bridge.app;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A refusal or failure about a live app, in words for its owner. */
public class AppException extends Refusal {
    public AppException(String key, Object... arguments) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, key, arguments);
    }

    protected AppException(HttpStatus status, String key, Object... arguments) {
        super(status, key, arguments);
    }

    public AppException(Throwable cause, String key, Object... arguments) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, cause, key, arguments);
    }
}
