package org.learnbox.bridge.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local accounts: the one public way other features learn who exists. */
@Service
public class AccountService {
    static final int MIN_PASSWORD_LENGTH = 8;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    @Transactional
    public Account add(String name, Role role, String password) {
        AccountNames.requireValid(name);
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException("The password must have at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (accounts.existsByName(name)) {
            throw new AccountException("There is already an account named '" + name + "'.");
        }
        return accounts.save(new Account(name, passwordEncoder.encode(password), role));
    }

    @Transactional(readOnly = true)
    public List<Account> list() {
        return accounts.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String name) {
        return AccountNames.isValid(name) ? accounts.findByName(name) : Optional.empty();
    }

    public boolean exists(String name) {
        return find(name).isPresent();
    }

    /** Makes a new password for the account and returns it, to be shown once to the admin who asked. */
    @Transactional
    public String resetPassword(String name) {
        Account account = find(name).orElseThrow(() -> new AccountNotFoundException(name));
        String password = GeneratedPasswords.next();
        account.setPasswordHash(passwordEncoder.encode(password));
        return password;
    }

    @Transactional
    public void changeRole(String name, Role role) {
        find(name).orElseThrow(() -> new AccountNotFoundException(name)).setRole(role);
    }

    @Transactional
    public void remove(String name) {
        Account account = find(name).orElseThrow(() -> new AccountNotFoundException(name));
        accounts.delete(account);
        events.publishEvent(new AccountRemoved(name));
    }
}
