package org.learnbox.bridge.identity;

public class AccountNotFoundException extends AccountException {
    public AccountNotFoundException(String name) {
        super("There is no account named '" + name + "'.");
    }
}
