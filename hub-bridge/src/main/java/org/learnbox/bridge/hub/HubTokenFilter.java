package org.learnbox.bridge.hub;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.learnbox.bridge.identity.Account;
import org.learnbox.bridge.identity.AccountService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API for code in a learner's sandbox (the {@code learnbox} command, notebooks): it carries
 * the learner's own JupyterHub token ({@code Authorization: token ...}), which JupyterHub
 * vouches for. Such a request is that learner, with their role; no session, no cookie.
 */
public class HubTokenFilter extends OncePerRequestFilter {
    public static final String SCHEME = "token ";
    private static final Duration REMEMBERED = Duration.ofSeconds(60);
    /** Tokens the hub vouched for, remembered a minute each; the most recently vouched for when more. */
    static final int MOST_REMEMBERED = 10_000;

    private final JupyterHubClient hub;
    private final AccountService accounts;
    private final Cache<String, String> owners;

    public HubTokenFilter(JupyterHubClient hub, AccountService accounts, Clock clock) {
        this.hub = hub;
        this.accounts = accounts;
        this.owners = Caffeine.newBuilder().maximumSize(MOST_REMEMBERED).expireAfterWrite(REMEMBERED).executor(Runnable::run)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** Whether the request carries a JupyterHub token rather than a session. */
    public static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader("Authorization").substring(SCHEME.length()).strip();
        Optional<Account> account = ownerOf(token).flatMap(accounts::find);
        if (account.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"message\":\"This token is not a learner's JupyterHub token, or it has expired."
                    + " From a sandbox, the learnbox command sends the right one.\"}");
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(account.get().getName(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + account.get().getRole().name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<String> ownerOf(String token) {
        String known = owners.getIfPresent(token);
        if (known != null) return Optional.of(known);
        Optional<String> name = hub.ownerOf(token);
        name.ifPresent(owner -> owners.put(token, owner));
        return name;
    }
}
