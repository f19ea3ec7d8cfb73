package org.learnbox.bridge.hub;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.learnbox.bridge.identity.Account;
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

    private final VouchedTokens tokens;
    private final Function<String, Optional<Account>> accountOf;

    /** {@code accountOf}: the account of the person the hub vouched for, if the box has one. */
    public HubTokenFilter(VouchedTokens tokens, Function<String, Optional<Account>> accountOf) {
        this.tokens = tokens;
        this.accountOf = accountOf;
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
        Optional<Account> account = tokens.ownerOf(token).flatMap(accountOf);
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
}
