package org.learnbox.bridge.classroom;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A class action refused, in words; nothing was changed. */
public class ClassroomException extends Refusal {
    public ClassroomException(String key, Object... arguments) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, key, arguments);
    }
}
