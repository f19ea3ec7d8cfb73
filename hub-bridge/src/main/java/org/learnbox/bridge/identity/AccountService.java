package org.learnbox.bridge.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts: the one public way other features learn who exists. With single sign-on on,
 * Keycloak keeps the passwords and roles; every change goes there first, and the box's own row
 * (which classes and the hub use) follows.
 */
@Service
public class AccountService {
    static final int MIN_PASSWORD_LENGTH = 8;
    /** BCrypt reads no further than 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final KeycloakUsers keycloak; // null: the box's own login form
    /** A transaction of its own for each account brought up to date from Keycloak. */
    private final TransactionTemplate ownTransaction;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
            ObjectProvider<KeycloakUsers> keycloak, PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.keycloak = keycloak.getIfAvailable();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional
    public Account add(String name, Role role, String password) {
        AccountNames.requireValid(name);
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException("account.refused.password-short", MIN_PASSWORD_LENGTH);
        }
        if (accounts.existsByName(name)) {
            throw AccountException.nameTaken("account.refused.name-taken", name);
        }
        if (keycloak != null) {
            keycloak.create(name, role, password);
            return accounts.save(new Account(name, unusablePasswordHash(), role));
        }
        return accounts.save(new Account(name, passwordEncoder.encode(password), role));
    }

    /**
     * New student accounts, each with a password the box makes (name to password, in the order
     * given): all of them or, when one is refused, none (with single sign-on, the ones Keycloak
     * had made already are removed there again).
     */
    @Transactional
    public java.util.LinkedHashMap<String, String> addStudents(List<String> names) {
        java.util.LinkedHashMap<String, String> made = new java.util.LinkedHashMap<>();
        try {
            for (String name : names) {
                String password = GeneratedPasswords.next();
                add(name, Role.STUDENT, password);
                made.put(name, password);
            }
            return made;
        } catch (RuntimeException refused) {
            if (keycloak != null) {
                for (String name : made.keySet()) {
                    try {
                        keycloak.delete(name);
                    } catch (RuntimeException stillThere) {
                        refused.addSuppressed(stillThere);
                    }
                }
            }
            throw refused;
        }
    }

    /**
     * Every account; with single sign-on, Keycloak's users, whose rows are brought up to date first.
     * A row made meanwhile by another (a login, the first admin's making) is as good as one made here.
     */
    public List<Account> list() {
        if (keycloak != null) {
            for (KeycloakUsers.RealmUser user : keycloak.list()) {
                if (!AccountNames.isValid(user.name())) continue;
                try {
                    ownTransaction.executeWithoutResult(status -> provision(user.name(), user.role()));
                } catch (DataIntegrityViolationException madeMeanwhile) {
                    // the name's row is there: made by the other, with the role Keycloak gives it
                }
            }
        }
        return accounts.findAllByOrderByNameAsc();
    }

    /** A person Keycloak has just logged in: their row made, or their role brought up to date. */
    @Transactional
    public void provision(String name, Role role) {
        accounts.findByName(name).ifPresentOrElse(
                account -> account.setRole(role),
                () -> accounts.save(new Account(name, unusablePasswordHash(), role)));
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
        String password = GeneratedPasswords.next();
        if (keycloak != null) {
            keycloak.setPassword(name, password);
            return password;
        }
        Account account = find(name).orElseThrow(() -> new AccountNotFoundException(name));
        account.setPasswordHash(passwordEncoder.encode(password));
        return password;
    }

    /**
     * A person's own new password, given their current one. With single sign-on the school's
     * sign-in keeps passwords, and the change is made there.
     */
    @Transactional
    public void changeOwnPassword(String name, String current, String replacement) {
        if (keycloak != null) {
            throw new AccountException("account.refused.sso-password");
        }
        Account account = find(name).orElseThrow(() -> new AccountNotFoundException(name));
        if (current == null || !passwordEncoder.matches(current, account.getPasswordHash())) {
            throw new AccountException("account.refused.wrong-password");
        }
        if (replacement == null || replacement.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException("account.refused.new-password-short", MIN_PASSWORD_LENGTH);
        }
        if (replacement.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountException("account.refused.new-password-long", MAX_PASSWORD_BYTES);
        }
        if (replacement.equals(current)) {
            throw new AccountException("account.refused.same-password");
        }
        account.setPasswordHash(passwordEncoder.encode(replacement));
    }

    @Transactional
    public void changeRole(String name, Role role) {
        if (keycloak != null) {
            keycloak.setRole(name, role);
            find(name).ifPresent(account -> account.setRole(role));
            return;
        }
        find(name).orElseThrow(() -> new AccountNotFoundException(name)).setRole(role);
    }

    @Transactional
    public void remove(String name) {
        if (keycloak != null) {
            keycloak.delete(name);
            find(name).ifPresent(accounts::delete);
        } else {
            accounts.delete(find(name).orElseThrow(() -> new AccountNotFoundException(name)));
        }
        events.publishEvent(new AccountRemoved(name));
    }

    /** The language the box last spoke to them in; English for someone it has not seen. */
    public Locale languageOf(String name) {
        return find(name).map(Account::getLanguage).map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
    }

    @Transactional
    void rememberLanguage(String name, Locale language) {
        find(name).ifPresent(account -> account.setLanguage(language.toLanguageTag()));
    }

    /** Rows of Keycloak's people hold a password nobody knows: the box's own form never lets them in. */
    private String unusablePasswordHash() {
        return passwordEncoder.encode(GeneratedPasswords.next() + GeneratedPasswords.next());
    }
}
