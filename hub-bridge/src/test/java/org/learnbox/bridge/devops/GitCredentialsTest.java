package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.TestProperties;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.Account;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.LoginThrottle;
import org.learnbox.bridge.identity.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.client.ResourceAccessException;

/** The three keys git may bring, alone: the password only without single sign-on. */
class GitCredentialsTest {
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(4);
    private final AccountService accounts = mock(AccountService.class);
    private final GitTokenService tokens = mock(GitTokenService.class);
    private final JupyterHubClient hub = mock(JupyterHubClient.class);

    GitCredentialsTest() {
        when(accounts.find("ada")).thenReturn(Optional.of(new Account("ada", passwords.encode("ada-password"), Role.TEACHER)));
        when(tokens.isTokenOf("ada", "lbx_adas-token")).thenReturn(true);
        when(hub.ownerOf("adas-hub-token")).thenReturn(Optional.of("ada"));
    }

    private Authentication login(boolean passwordsAccepted, String name, String secret) {
        return new GitCredentials(accounts, tokens, hub, passwords, passwordsAccepted)
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, secret));
    }

    @Test
    void eachKeyLogsInWithTheAccountsRole() {
        for (String secret : new String[] {"ada-password", "lbx_adas-token", "adas-hub-token"}) {
            Authentication in = login(true, "ada", secret);
            assertThat(in.isAuthenticated()).isTrue();
            assertThat(in.getName()).isEqualTo("ada");
            assertThat(in.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_TEACHER");
            assertThat(in.getCredentials()).isNull();
        }
    }

    @Test
    void withSingleSignOnThePasswordIsNoKeyButTokensAre() {
        assertThatThrownBy(() -> login(false, "ada", "ada-password")).isInstanceOf(BadCredentialsException.class);
        assertThat(login(false, "ada", "lbx_adas-token").getName()).isEqualTo("ada");
        assertThat(login(false, "ada", "adas-hub-token").getName()).isEqualTo("ada");
    }

    @Test
    void aWrongKeyAnUnknownNameAndAnUnreachableHubAreTheSameFailure() {
        when(hub.ownerOf("broken")).thenThrow(new ResourceAccessException("connection refused"));
        for (String[] attempt : new String[][] {{"ada", "wrong"}, {"nobody", "ada-password"}, {"ada", ""},
                {"ada", "lbx_not-a-token"}, {"ada", "broken"}}) {
            assertThatThrownBy(() -> login(true, attempt[0], attempt[1]))
                    .isInstanceOf(BadCredentialsException.class)
                    .hasMessage("wrong name, password or token for git");
        }
    }

    @Test
    void theRefusalSaysWhichKeysThisBoxTakesAndAsksForALogin() throws Exception {
        assertThat(refusal(false)).isEqualTo("The name, password or token is wrong. Git takes your LearnBox name with your"
                + " password, or with a token made at https://box.school.example/tokens.\n");
        assertThat(refusal(true)).isEqualTo("The name or token is wrong. This box logs people in with single sign-on, so"
                + " git takes a token instead of your password: make one at https://box.school.example/tokens and give it as the password.\n");
    }

    private String refusal(boolean singleSignOn) throws Exception {
        LearnboxProperties box = TestProperties.of("t", TestProperties.sandbox("i"), TestProperties.hub("http://127.0.0.1:9"),
                TestProperties.courses("/nonexistent"));
        LearnboxProperties properties = new LearnboxProperties(box.sharedSecret(), box.box(), box.sandbox(), box.hub(),
                box.courses(), box.login(), new LearnboxProperties.Sso(singleSignOn, "http://localhost:8080/realms/learnbox",
                        "", "learnbox-bridge", ""), box.snippets(), box.apps(), box.git(), box.images());
        GitLogin login = new GitLogin(accounts, tokens, hub, passwords, mock(LoginThrottle.class),
                mock(ApplicationEventPublisher.class), properties, new org.learnbox.bridge.config.PublicAddress("https://box.school.example/"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        login.wrongCredentials().commence(new MockHttpServletRequest("GET", "/git/ada/x.git/info/refs"), response,
                new BadCredentialsException("wrong"));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"LearnBox git\", charset=\"UTF-8\"");
        assertThat(response.getContentType()).startsWith("text/plain");
        return response.getContentAsString();
    }
}
