package org.learnbox.bridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.learnbox.bridge.identity.HandoffTokens;
import org.learnbox.bridge.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a login leads when the person asked for no page first: a student to their JupyterLab
 * (its start began as the password was checked), a teacher or an admin to the dashboard, where
 * their lab starts only when they open it.
 * A student goes straight to the hub's callback with a hand-off token, not by way of the hub's
 * login page and back: a class logging in together waits on the hub, which answers one request at
 * a time, and this is three requests fewer each. The spawn page then shows the start, or passes
 * on to the lab at once when it runs.
 */
final class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {
    static final String DASHBOARD = "/";

    private final HandoffTokens handoffs;

    LandingPage(HandoffTokens handoffs) {
        this.handoffs = handoffs;
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication who) {
        return Role.STUDENT.heldBy(who) ? handoffs.callback(who.getName(), request.getSession().getId(), labOf(who.getName())) : DASHBOARD;
    }

    private static String labOf(String name) {
        return "/hub/spawn?next=" + URLEncoder.encode("/user/" + name + "/lab", StandardCharsets.UTF_8);
    }
}
