package org.learnbox.bridge.classroom;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** The class does not let its teacher watch its students' desktops. */
public class DesktopsNotWatchedException extends Refusal {
    public DesktopsNotWatchedException(String className) {
        super(HttpStatus.FORBIDDEN, "class.refused.desktops-not-watched", className);
    }
}
