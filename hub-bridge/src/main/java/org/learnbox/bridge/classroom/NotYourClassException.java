package org.learnbox.bridge.classroom;

/** Someone asked about a class they do not teach (or one that does not exist: the same answer, on purpose). */
public class NotYourClassException extends RuntimeException {
    public NotYourClassException() {
        super("This class is not one of yours.");
    }
}
