package org.learnbox.bridge.classroom;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** Someone asked about a class they do not teach (or one that does not exist: the same answer, on purpose). */
public class NotYourClassException extends Refusal {
    public NotYourClassException() {
        super(HttpStatus.FORBIDDEN, "class.refused.not-yours");
    }
}
