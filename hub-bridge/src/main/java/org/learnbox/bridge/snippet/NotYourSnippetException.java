package org.learnbox.bridge.snippet;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** The person may see the snippet but not do this to it; its words say who may. */
public class NotYourSnippetException extends Refusal {
    public NotYourSnippetException(String key, Object... arguments) {
        super(HttpStatus.FORBIDDEN, key, arguments);
    }
}
