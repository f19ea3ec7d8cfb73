package org.learnbox.bridge.snippet;

/** The person may see the snippet but not do this to it; the message says who may. */
public class NotYourSnippetException extends RuntimeException {
    public NotYourSnippetException(String message) {
        super(message);
    }
}
