package org.learnbox.bridge.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.learnbox.bridge.config.Words;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Why a login through Keycloak was refused, said on the box's login page. The reason travels to
 * that page in a short-lived cookie, not in a session: anyone can send Keycloak's address forged
 * answers without end. A reason is one of a few kinds, with at most a name or an error code.
 */
final class KeycloakRefusals {
    static final String COOKIE = "LEARNBOX_LOGIN_REFUSED";
    static final String NOT_OURS = "not-ours";
    static final String ROLES = "keycloak-roles";
    static final String NAME = "keycloak-name";
    static final String ANSWER = "keycloak-answer";
    private static final int LONGEST_DETAIL = 100;

    private KeycloakRefusals() {}

    /** Back to the login page, which says why. */
    static AuthenticationFailureHandler toTheLoginPage() {
        return (request, response, failure) -> {
            String reason = Base64.getUrlEncoder().withoutPadding().encodeToString(reasonOf(failure).getBytes(StandardCharsets.UTF_8));
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, reason, Duration.ofMinutes(1)).toString());
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    /** The reason the login page was sent, which it says once: the cookie goes. */
    static MessageSourceResolvable takeWords(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() == null) return words(null);
        for (Cookie cookie : request.getCookies()) {
            if (!COOKIE.equals(cookie.getName())) continue;
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
            try {
                return words(new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notOurs) {
                return words(null);
            }
        }
        return words(null);
    }

    static String reasonOf(AuthenticationException failure) {
        if (failure instanceof KeycloakUserService.Refused refused) return refused.reason();
        if (failure instanceof OAuth2AuthenticationException answer) {
            String code = answer.getError().getErrorCode();
            if ("authorization_request_not_found".equals(code)) return NOT_OURS;
            return ANSWER + ":" + code;
        }
        return "";
    }

    /** A reason in words of the bundles; one the box did not give is "the login did not complete". */
    static MessageSourceResolvable words(String reason) {
        if (reason == null) return Words.phrase("login.refused.incomplete");
        int colon = reason.indexOf(':');
        String kind = colon < 0 ? reason : reason.substring(0, colon);
        String detail = colon < 0 ? "" : reason.substring(colon + 1);
        if (detail.length() > LONGEST_DETAIL) detail = detail.substring(0, LONGEST_DETAIL);
        return switch (kind) {
            case NOT_OURS -> Words.phrase("login.refused.not-ours");
            case ROLES -> Words.phrase("login.refused.keycloak-roles");
            case NAME -> Words.phrase("login.refused.keycloak-name", detail, Words.phrase(AccountNames.RULE));
            case ANSWER -> Words.phrase("login.refused.keycloak-answer", detail);
            default -> Words.phrase("login.refused.incomplete");
        };
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value).path("/login").httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .maxAge(maxAge).build();
    }
}
