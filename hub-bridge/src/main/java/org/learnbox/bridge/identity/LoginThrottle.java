package org.learnbox.bridge.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.learnbox.bridge.config.LearnboxProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins, counted per account name and per address: past the limit, the login form is
 * refused for a while, whether the account exists or not (so the answer tells nothing). Anyone may
 * send any name from any address, so what is kept of strangers is bounded: the names that are no
 * account and the addresses seen in the last window, at most {@link #MOST_KEPT} of each (Caffeine
 * keeps the ones failing most), and of each no more failures than the limit needs. The box's own
 * accounts are counted apart, where no flood of other names pushes them out.
 */
@Component
public class LoginThrottle {
    static final int MOST_KEPT = 10_000;

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Predicate<String> isAccount;
    private final Cache<String, Deque<Instant>> byAccount;
    private final Cache<String, Deque<Instant>> byOtherName;
    private final Cache<String, Deque<Instant>> byAddress;

    @Autowired
    LoginThrottle(LearnboxProperties properties, Clock clock, AccountRepository accounts) {
        this(properties, clock, accounts::existsByName);
    }

    LoginThrottle(LearnboxProperties properties, Clock clock, Predicate<String> isAccount) {
        this.perAccount = properties.login().maxFailuresPerAccount();
        this.perAddress = properties.login().maxFailuresPerAddress();
        this.window = properties.login().lockFor();
        this.clock = clock;
        this.isAccount = isAccount;
        this.byAccount = failures(Long.MAX_VALUE);
        this.byOtherName = failures(MOST_KEPT);
        this.byAddress = failures(MOST_KEPT);
    }

    private Cache<String, Deque<Instant>> failures(long most) {
        return Caffeine.newBuilder().maximumSize(most).expireAfterAccess(window)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).executor(Runnable::run).build();
    }

    public boolean blocked(String account, String address) {
        String name = key(account);
        return Math.max(count(byAccount, name), count(byOtherName, name)) >= perAccount || count(byAddress, address) >= perAddress;
    }

    public Duration lockFor() {
        return window;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String name = key(String.valueOf(event.getAuthentication().getPrincipal()));
        record(isAccount.test(name) ? byAccount : byOtherName, name, perAccount);
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            record(byAddress, details.getRemoteAddress(), perAddress);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        byAccount.invalidate(key(event.getAuthentication().getName()));
    }

    private void record(Cache<String, Deque<Instant>> failures, String key, int limit) {
        if (key == null) return;
        Deque<Instant> times = failures.get(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            // The oldest beyond the limit can no longer change an answer.
            while (times.size() > limit) times.removeFirst();
        }
    }

    private int count(Cache<String, Deque<Instant>> failures, String key) {
        Deque<Instant> times = key == null ? null : failures.getIfPresent(key);
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
