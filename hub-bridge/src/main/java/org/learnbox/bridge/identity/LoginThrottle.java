package org.learnbox.bridge.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.learnbox.bridge.config.LearnboxProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins, counted per account name and per address: past the limit, the login form is
 * refused for a while, whether the account exists or not (so the answer tells nothing).
 */
@Component
public class LoginThrottle {
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(LearnboxProperties properties, Clock clock) {
        this.perAccount = properties.login().maxFailuresPerAccount();
        this.perAddress = properties.login().maxFailuresPerAddress();
        this.window = properties.login().lockFor();
        this.clock = clock;
    }

    public boolean blocked(String account, String address) {
        return count(byAccount, key(account)) >= perAccount || count(byAddress, address) >= perAddress;
    }

    public Duration lockFor() {
        return window;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        record(byAccount, key(String.valueOf(event.getAuthentication().getPrincipal())));
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            record(byAddress, details.getRemoteAddress());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        byAccount.remove(key(event.getAuthentication().getName()));
    }

    private void record(Map<String, Deque<Instant>> failures, String key) {
        if (key == null) return;
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    private int count(Map<String, Deque<Instant>> failures, String key) {
        Deque<Instant> times = key == null ? null : failures.get(key);
        if (times == null) return 0;
        Instant since = clock.instant().minus(window);
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    private static String key(String account) {
        return account == null ? null : account.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
