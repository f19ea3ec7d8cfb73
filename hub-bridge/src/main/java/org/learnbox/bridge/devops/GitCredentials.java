package org.learnbox.bridge.devops;

import java.util.List;
import java.util.Optional;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.Account;
import org.learnbox.bridge.identity.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a git client sends with HTTP Basic: the account's name, and one of its password (local
 * accounts only: with single sign-on the box has none), a token made on the dashboard, or the
 * learner's own JupyterHub token (what the sandbox's terminal sends). Every failure is the same
 * {@link BadCredentialsException}, whether the account exists or not.
 */
class GitCredentials implements AuthenticationProvider {
    private static final Logger log = LoggerFactory.getLogger(GitCredentials.class);

    private final AccountService accounts;
    private final GitTokenService tokens;
    private final JupyterHubClient hub;
    private final PasswordEncoder passwords;
    private final boolean passwordsAccepted;
    /** Checked against when the account does not exist, so that a missing one takes as long as a wrong password. */
    private final String unknownAccountHash;

    GitCredentials(AccountService accounts, GitTokenService tokens, JupyterHubClient hub, PasswordEncoder passwords,
            boolean passwordsAccepted) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.hub = hub;
        this.passwords = passwords;
        this.passwordsAccepted = passwordsAccepted;
        this.unknownAccountHash = passwords.encode("no account has this password " + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        String secret = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        Optional<Account> account = accounts.find(name);
        // A missing account takes the same steps as a wrong key, so that neither answer nor time tells them apart.
        String passwordHash = account.map(Account::getPasswordHash).orElse(unknownAccountHash);
        if (matches(name, passwordHash, secret) && account.isPresent()) {
            return UsernamePasswordAuthenticationToken.authenticated(account.get().getName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + account.get().getRole().name())));
        }
        throw new BadCredentialsException("wrong name, password or token for git");
    }

    private boolean matches(String name, String passwordHash, String secret) {
        if (secret.isEmpty()) return false;
        if (GitTokenService.looksLikeToken(secret)) return tokens.isTokenOf(name, secret);
        if (passwordsAccepted && passwords.matches(secret, passwordHash)) return true;
        return isHubTokenOf(name, secret);
    }

    private boolean isHubTokenOf(String name, String secret) {
        try {
            return hub.ownerOf(secret).filter(name::equals).isPresent();
        } catch (RuntimeException hubUnreachable) {
            log.warn("JupyterHub could not say whose token a git client sent: {}", hubUnreachable.getMessage());
            return false;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
