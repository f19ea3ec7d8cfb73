package org.learnbox.bridge.identity;

/** A refused account change; the message is shown to the person as it is. */
public class AccountException extends RuntimeException {
    public AccountException(String message) {
        super(message);
    }
}
