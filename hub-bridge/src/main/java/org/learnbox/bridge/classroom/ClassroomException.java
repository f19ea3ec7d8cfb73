package org.learnbox.bridge.classroom;

/** A class action refused, in words; nothing was changed. */
public class ClassroomException extends RuntimeException {
    public ClassroomException(String message) {
        super(message);
    }
}
