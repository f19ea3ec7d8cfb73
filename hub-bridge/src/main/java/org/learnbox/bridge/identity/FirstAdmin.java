package org.learnbox.bridge.identity;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A box with no admin gets one, 'admin', with the password the init service made (its file
 * {@code /run/learnbox/admin-password}, read through Spring's config tree). With single sign-on
 * the account lives in Keycloak, which may still be starting: the bridge asks again until it answers.
 */
@Component
class FirstAdmin {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String NAME = "admin";

    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private final AccountService accounts;
    private final String password;
    private int attempts;

    FirstAdmin(AccountService accounts, @Value("${admin-password:}") String password) {
        this.accounts = accounts;
        this.password = password.strip();
    }

    @EventListener(ApplicationReadyEvent.class)
    void makeWhenMissing() {
        if (password.isEmpty()) return;
        if (!tryOnce()) Thread.ofVirtual().name("first-admin").start(this::retryUntilMade);
    }

    /** True when there is an admin now (made or found), false when the accounts' keeper did not answer. */
    boolean tryOnce() {
        try {
            if (accounts.list().stream().anyMatch(account -> account.getRole() == Role.ADMIN)) return true;
            if (accounts.exists(NAME)) {
                accounts.changeRole(NAME, Role.ADMIN); // made by an earlier try that Keycloak cut short
            } else {
                accounts.add(NAME, Role.ADMIN, password);
            }
            log.info("Made the first admin, '{}', with the password the init service printed.", NAME);
            return true;
        } catch (RuntimeException notYet) {
            if (attempts++ == 0) log.info("The first admin waits for the accounts to answer: {}", notYet.getMessage());
            return false;
        }
    }

    private void retryUntilMade() {
        try {
            do {
                Thread.sleep(RETRY_EVERY);
            } while (!tryOnce());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
