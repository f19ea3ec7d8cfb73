package org.learnbox.bridge.work;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A look at a student's work refused, in words: no such student in the class, no such notebook. */
class WorkException extends Refusal {
    WorkException(String key, Object... arguments) {
        super(HttpStatus.NOT_FOUND, key, arguments);
    }
}
