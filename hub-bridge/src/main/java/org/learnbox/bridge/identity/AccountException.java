package org.learnbox.bridge.identity;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A refused account change; its words are shown to the person. */
public class AccountException extends Refusal {
    public AccountException(String key, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, key, arguments);
    }

    protected AccountException(HttpStatus status, String key, Object... arguments) {
        super(status, key, arguments);
    }

    /** The accounts' keeper (Keycloak) does not answer now; asking again later may do. */
    static AccountException unavailable(String key, Object... arguments) {
        return new AccountException(HttpStatus.SERVICE_UNAVAILABLE, key, arguments);
    }

    /** The name is someone's already. */
    static AccountException nameTaken(String key, Object... arguments) {
        return new AccountException(HttpStatus.CONFLICT, key, arguments);
    }
}
