package org.learnbox.bridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.learnbox.bridge.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a login leads when the person asked for no page first: a student to their JupyterLab
 * (its start began as the password was checked), a teacher or an admin to the dashboard, where
 * their lab starts only when they open it.
 */
final class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {
    static final String LAB = "/hub/spawn";
    static final String DASHBOARD = "/";

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication who) {
        return Role.STUDENT.heldBy(who) ? LAB : DASHBOARD;
    }
}
