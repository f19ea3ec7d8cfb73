package org.learnbox.bridge.identity;

import org.springframework.http.HttpStatus;

public class AccountNotFoundException extends AccountException {
    public AccountNotFoundException(String name) {
        super(HttpStatus.NOT_FOUND, "account.refused.no-such", name);
    }
}
