package org.learnbox.bridge.devops;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.PublicAddress;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.LoginThrottle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How git clients log in, for the security chain of the git paths: HTTP Basic on every request
 * (git keeps no session), checked by {@link GitCredentials}; failures are counted by the same
 * {@link LoginThrottle} as the login form's, and past its limit refused before any check.
 */
@Component
public class GitLogin {
    private final ProviderManager manager;
    private final LoginThrottle throttle;
    private final boolean passwordsAccepted;
    private final PublicAddress address;

    GitLogin(AccountService accounts, GitTokenService tokens, JupyterHubClient hub, PasswordEncoder passwords,
            LoginThrottle throttle, ApplicationEventPublisher events, LearnboxProperties properties, PublicAddress address) {
        this.address = address;
        this.passwordsAccepted = !properties.sso().enabled();
        this.manager = new ProviderManager(new GitCredentials(accounts, tokens, hub, passwords, passwordsAccepted));
        // Failures and successes are published as the login form's are: the throttle counts them.
        this.manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        this.throttle = throttle;
    }

    public AuthenticationManager authenticationManager() {
        return manager;
    }

    /** The answer to a wrong name, password or token: the same whether the account exists or not. */
    public AuthenticationEntryPoint wrongCredentials() {
        return (request, response, failure) -> GitAnswers.askForLogin(response, passwordsAccepted
                ? "The name, password or token is wrong. Git takes your LearnBox name with your password,"
                        + " or with a token made at " + address.of(request) + "/tokens."
                : "The name or token is wrong. This box logs people in with single sign-on, so git takes a token"
                        + " instead of your password: make one at " + address.of(request) + "/tokens"
                        + " and give it as the password.");
    }

    /** Refuses a login, before its password is checked, while the throttle says so. */
    public Filter throttleFilter() {
        return new OncePerRequestFilter() {
            private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                UsernamePasswordAuthenticationToken attempt;
                try {
                    attempt = basic.convert(request);
                } catch (AuthenticationException malformed) {
                    attempt = null; // the Basic filter answers it
                }
                if (attempt != null && throttle.blocked(attempt.getName(), request.getRemoteAddr())) {
                    response.setStatus(429);
                    GitAnswers.plainText(response, "Too many failed logins with this name or from this computer."
                            + " Wait " + throttle.lockFor().toMinutes() + " minutes, then try again.");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
