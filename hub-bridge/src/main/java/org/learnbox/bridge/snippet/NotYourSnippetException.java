package org.learnbox.bridge.snippet;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** The person may see the snippet but not do this to it; the message says who may. */
public class NotYourSnippetException extends Refusal {
    public NotYourSnippetException(String message) {
        super(HttpStatus.FORBIDDEN, message);
    }
}
