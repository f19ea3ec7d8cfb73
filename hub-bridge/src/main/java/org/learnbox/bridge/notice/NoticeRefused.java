package org.learnbox.bridge.notice;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A notice that cannot be posted, and why. */
public class NoticeRefused extends Refusal {
    NoticeRefused(String key, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, key, arguments);
    }
}
