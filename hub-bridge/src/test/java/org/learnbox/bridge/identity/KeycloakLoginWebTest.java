package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import jakarta.servlet.http.Cookie;
import org.learnbox.bridge.config.Words;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

/** With single sign-on on: the way to Keycloak and back, refusals in words, and the way out. */
@SpringBootTest(properties = {
        "learnbox.sso.enabled=true",
        "learnbox.sso.issuer=http://keycloak.school.test:8080/realms/learnbox",
        "learnbox.sso.backchannel-url=http://keycloak:8080",
        "learnbox.sso.client-secret=test-client-secret",
        "spring.datasource.url=jdbc:h2:mem:bridge-sso-test;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class KeycloakLoginWebTest {
    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;

    @Test
    void theLoginPageSendsPeopleOnToKeycloaksOwnForm() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        String toKeycloak = mvc.perform(get("/oauth2/authorization/keycloak"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var url = UriComponentsBuilder.fromUriString(toKeycloak).build();
        assertThat(toKeycloak).startsWith("http://keycloak.school.test:8080/realms/learnbox/protocol/openid-connect/auth?");
        assertThat(url.getQueryParams().getFirst("client_id")).isEqualTo("learnbox-bridge");
        assertThat(url.getQueryParams().getFirst("response_type")).isEqualTo("code");
        assertThat(url.getQueryParams().getFirst("state")).isNotBlank();
        assertThat(url.getQueryParams().getFirst("nonce")).isNotBlank();
        assertThat(url.getQueryParams().getFirst("redirect_uri")).contains("/login/oauth2/code/keycloak");
    }

    @Test
    void theBridgeReachesKeycloakForTokensAtItsInternalAddress() {
        var registration = KeycloakLogin.registration(new org.learnbox.bridge.config.LearnboxProperties.Sso(
                true, "http://box.school.test:8080/realms/learnbox/", "http://keycloak:8080", "learnbox-bridge", "s"));
        assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo("http://box.school.test:8080/realms/learnbox");
        assertThat(registration.getProviderDetails().getAuthorizationUri())
                .isEqualTo("http://box.school.test:8080/realms/learnbox/protocol/openid-connect/auth");
        assertThat(registration.getProviderDetails().getTokenUri())
                .isEqualTo("http://keycloak:8080/realms/learnbox/protocol/openid-connect/token");
        assertThat(registration.getProviderDetails().getJwkSetUri())
                .isEqualTo("http://keycloak:8080/realms/learnbox/protocol/openid-connect/certs");
    }

    @Test
    void aForgedStateIsRefusedInWordsAndNothingChanges() throws Exception {
        long before = accounts.count();
        MvcResult refused = mvc.perform(get("/login/oauth2/code/keycloak").param("code", "stolen-code").param("state", "forged"))
                .andExpect(redirectedUrl("/login?error")).andReturn();
        assertThat(refused.getRequest().getSession(false)).as("a forged answer makes no session").isNull();
        Cookie reason = refused.getResponse().getCookie(KeycloakRefusals.COOKIE);
        assertThat(reason).isNotNull();
        MvcResult page = mvc.perform(get("/login").cookie(reason).param("error", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "This answer from Keycloak does not belong to a login started here, or it was used already.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Log in with your school account")))
                .andReturn();
        assertThat(page.getResponse().getCookie(KeycloakRefusals.COOKIE).getMaxAge()).as("said once").isZero();
        assertThat(accounts.count()).isEqualTo(before);
    }

    /** Anyone can start logins without end: each is kept by the browser, and only its own answer is taken. */
    @Test
    void loginsUnderWayAreKeptByBrowsersNotInSessionsAndOnlyTheirOwnAnswerIsTaken() throws Exception {
        Cookie started = null;
        String state = null;
        for (int i = 0; i < 2_000; i++) {
            MvcResult start = mvc.perform(get("/oauth2/authorization/keycloak")).andExpect(status().is3xxRedirection()).andReturn();
            assertThat(start.getRequest().getSession(false)).as("login %d made a session", i).isNull();
            started = start.getResponse().getCookie(KeycloakLoginCookie.NAME);
            state = java.net.URLDecoder.decode(UriComponentsBuilder.fromUriString(start.getResponse().getRedirectedUrl()).build()
                    .getQueryParams().getFirst("state"), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(started.getPath()).isEqualTo("/login/oauth2/code");
        assertThat(started.isHttpOnly()).isTrue();
        assertThat(started.getAttribute("SameSite")).isEqualTo("Lax");

        // Its own state: the login goes on to ask Keycloak for tokens (which this test's Keycloak cannot give).
        assertThat(refusalAfter(started, state)).startsWith(KeycloakRefusals.ANSWER + ":");
        // Another state, a cookie whose signature is not this bridge's, none at all: not a login started here.
        assertThat(refusalAfter(started, "another-state")).isEqualTo(KeycloakRefusals.NOT_OURS);
        String value = started.getValue();
        Cookie forged = new Cookie(KeycloakLoginCookie.NAME, value.substring(0, value.length() - 2) + (value.endsWith("AA") ? "BB" : "AA"));
        assertThat(refusalAfter(forged, state)).isEqualTo(KeycloakRefusals.NOT_OURS);
        assertThat(refusalAfter(null, state)).isEqualTo(KeycloakRefusals.NOT_OURS);
    }

    private String refusalAfter(Cookie login, String state) throws Exception {
        var callback = get("/login/oauth2/code/keycloak").param("code", "a-code").param("state", state);
        if (login != null) callback.cookie(login);
        MvcResult answered = mvc.perform(callback).andExpect(redirectedUrl("/login?error")).andReturn();
        assertThat(answered.getRequest().getSession(false)).isNull();
        return new String(java.util.Base64.getUrlDecoder().decode(answered.getResponse().getCookie(KeycloakRefusals.COOKIE).getValue()),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void loggingOutEndsKeycloaksSessionTooAndComesBackToTheLoginPage() throws Exception {
        String toKeycloak = mvc.perform(get("/logout").with(oidcLogin().idToken(token -> token.tokenValue("the-id-token"))
                        .clientRegistration(KeycloakLogin.registration(new org.learnbox.bridge.config.LearnboxProperties.Sso(
                                true, "http://keycloak.school.test:8080/realms/learnbox", "", "learnbox-bridge", "s")))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var url = UriComponentsBuilder.fromUriString(toKeycloak).build();
        assertThat(toKeycloak).startsWith("http://keycloak.school.test:8080/realms/learnbox/protocol/openid-connect/logout?");
        assertThat(url.getQueryParams().getFirst("id_token_hint")).isEqualTo("the-id-token");
        assertThat(url.getQueryParams().getFirst("post_logout_redirect_uri")).isEqualTo("http://localhost/login?logout");

        mvc.perform(get("/login").param("logout", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "You are logged out of LearnBox and of your school account.")));
    }

    @Test
    void theBoxRoleIsTheHighestOfKeycloaksRealmRoles() {
        assertThat(KeycloakUserService.roleOf(List.of("student"))).isEqualTo(Role.STUDENT);
        assertThat(KeycloakUserService.roleOf(List.of("student", "teacher"))).isEqualTo(Role.TEACHER);
        assertThat(KeycloakUserService.roleOf(List.of("teacher", "admin", "student"))).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> KeycloakUserService.roleOf(List.of("offline_access")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("has none of the roles student, teacher or admin");
        assertThatThrownBy(() -> KeycloakUserService.roleOf(null)).isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void aRefusalOfTheBoxItselfIsShownAsItWasSaid() {
        String roles = KeycloakRefusals.reasonOf(new KeycloakUserService.Refused(KeycloakRefusals.ROLES));
        assertThat(Words.english(KeycloakRefusals.words(roles))).startsWith("Your Keycloak account has none of the roles");
        String name = KeycloakRefusals.reasonOf(new KeycloakUserService.Refused(KeycloakRefusals.NAME + ":Bad Name"));
        assertThat(Words.english(KeycloakRefusals.words(name))).startsWith("Keycloak's account name 'Bad Name' cannot be a name on this box:");
        assertThat(KeycloakRefusals.reasonOf(new OAuth2AuthenticationException("authorization_request_not_found")))
                .isEqualTo(KeycloakRefusals.NOT_OURS);
        assertThat(Words.english(KeycloakRefusals.words(KeycloakRefusals.reasonOf(new OAuth2AuthenticationException("invalid_grant")))))
                .isEqualTo("Keycloak's answer could not be accepted (invalid_grant). Nothing was changed. Please log in again.");
        assertThat(Words.english(KeycloakRefusals.words(null))).isEqualTo("The login did not complete. Please log in again.");
        assertThat(Words.english(KeycloakRefusals.words("made-up"))).isEqualTo("The login did not complete. Please log in again.");
    }
}
