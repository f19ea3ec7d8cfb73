package org.learnbox.bridge.snippet;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A snippet refused, in words that say what to do; nothing was changed. */
public class SnippetException extends Refusal {
    public SnippetException(String key, Object... arguments) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, key, arguments);
    }
}
