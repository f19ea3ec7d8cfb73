package org.learnbox.bridge.identity;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A refused account change; the message is shown to the person as it is. */
public class AccountException extends Refusal {
    public AccountException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }

    protected AccountException(HttpStatus status, String message) {
        super(status, message);
    }

    /** The name is someone's already. */
    static AccountException nameTaken(String message) {
        return new AccountException(HttpStatus.CONFLICT, message);
    }
}
