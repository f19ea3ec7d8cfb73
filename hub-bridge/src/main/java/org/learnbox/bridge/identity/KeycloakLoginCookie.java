package org.learnbox.bridge.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import tools.jackson.databind.json.JsonMapper;

/**
 * A login under way with Keycloak, kept by the browser instead of in a session: anyone can start
 * logins without end, and a session for each would be memory a stranger grows. The request is
 * JSON in a cookie, signed with this bridge's key (a bridge restarted meanwhile asks for the login
 * again), sent only to the address Keycloak answers at, and taken back only with its own state.
 */
final class KeycloakLoginCookie implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {
    static final String NAME = "LEARNBOX_SSO_LOGIN";
    /** Where Keycloak sends the browser back (the registration's redirect URI). */
    static final String PATH = "/login/oauth2/code";
    static final Duration KEPT = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What is kept of the request: what Spring needs to check Keycloak's answer and ask for tokens. */
    record Kept(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
            Map<String, String> additionalParameters, Map<String, String> attributes, String authorizationRequestUri,
            long expiresAt) {

        static Kept of(OAuth2AuthorizationRequest request, long expiresAt) {
            return new Kept(request.getAuthorizationUri(), request.getClientId(), request.getRedirectUri(), request.getScopes(),
                    request.getState(), text(request.getAdditionalParameters()), text(request.getAttributes()),
                    request.getAuthorizationRequestUri(), expiresAt);
        }

        OAuth2AuthorizationRequest request() {
            return OAuth2AuthorizationRequest.authorizationCode().authorizationUri(authorizationUri).clientId(clientId)
                    .redirectUri(redirectUri).scopes(scopes).state(state)
                    .additionalParameters(Map.copyOf(additionalParameters)).attributes(Map.copyOf(attributes))
                    .authorizationRequestUri(authorizationRequestUri).build();
        }

        private static Map<String, String> text(Map<String, Object> values) {
            Map<String, String> text = new LinkedHashMap<>();
            values.forEach((name, value) -> text.put(name, String.valueOf(value)));
            return text;
        }
    }

    private final SigningKey key = SigningKey.random();
    private final Clock clock;

    KeycloakLoginCookie(Clock clock) {
        this.clock = clock;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null) return null;
        return read(request).filter(kept -> state.equals(kept.state())).map(Kept::request).orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
            HttpServletResponse response) {
        if (authorizationRequest == null) {
            clear(request, response);
            return;
        }
        byte[] body = JSON.writeValueAsBytes(Kept.of(authorizationRequest, clock.instant().plus(KEPT).getEpochSecond()));
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(body) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(body));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, value, KEPT).toString());
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest found = loadAuthorizationRequest(request);
        if (found != null) clear(request, response);
        return found;
    }

    /** The kept request, when the cookie is there, signed by this bridge and not yet expired. */
    private Optional<Kept> read(HttpServletRequest request) {
        if (request.getCookies() == null) return Optional.empty();
        for (Cookie cookie : request.getCookies()) {
            if (!NAME.equals(cookie.getName())) continue;
            String[] parts = cookie.getValue().split("\\.", -1);
            if (parts.length != 2) return Optional.empty();
            try {
                byte[] body = Base64.getUrlDecoder().decode(parts[0]);
                if (!key.signed(body, Base64.getUrlDecoder().decode(parts[1]))) return Optional.empty();
                Kept kept = JSON.readValue(body, Kept.class);
                return kept.expiresAt() > clock.instant().getEpochSecond() ? Optional.of(kept) : Optional.empty();
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        // Lax: Keycloak's answer is a top-level navigation from Keycloak's origin, which Lax lets through.
        return ResponseCookie.from(NAME, value).path(PATH).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .maxAge(maxAge).build();
    }
}
