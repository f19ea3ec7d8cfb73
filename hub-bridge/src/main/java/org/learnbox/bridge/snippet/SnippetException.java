package org.learnbox.bridge.snippet;

/** A snippet refused, in words that say what to do; nothing was changed. */
public class SnippetException extends RuntimeException {
    public SnippetException(String message) {
        super(message);
    }
}
