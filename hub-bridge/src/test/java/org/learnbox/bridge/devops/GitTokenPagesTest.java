package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The tokens page: make a token and see it once, list them, revoke one; only ever one's own. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class GitTokenPagesTest {
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired GitTokenService tokens;
    @Autowired GitTokenRepository stored;
    @MockitoBean JupyterHubClient hub;

    private static int run;

    private String person(String kind) {
        String name = "tok-" + kind + "-" + (++run);
        accounts.add(name, Role.STUDENT, "a-long-password");
        return name;
    }

    private static RequestPostProcessor as(String name) {
        return user(name).roles("STUDENT");
    }

    @Test
    void aTokenIsShownOnceListedAndRevoked() throws Exception {
        String ada = person("ada");
        MvcResult made = mvc.perform(post("/tokens").with(csrf()).with(as(ada)).param("name", "  my   laptop "))
                .andExpect(redirectedUrl("/tokens")).andReturn();
        GitTokenService.MadeToken token = (GitTokenService.MadeToken) made.getFlashMap().get("made");
        assertThat(token.name()).isEqualTo("my laptop");
        assertThat(token.secret()).matches("lbx_[A-Za-z0-9]{40}");

        String once = mvc.perform(get("/tokens").with(as(ada)).flashAttrs(Map.of("made", token)))
                .andReturn().getResponse().getContentAsString();
        assertThat(once).contains(token.secret(), "It is shown only this once");
        String later = mvc.perform(get("/tokens").with(as(ada))).andReturn().getResponse().getContentAsString();
        assertThat(later).doesNotContain(token.secret()).contains("my laptop", token.secret().substring(0, 8) + "…", "never");
        assertThat(stored.findAll()).noneMatch(t -> t.getHint().length() > 8)
                .anyMatch(t -> t.getName().equals("my laptop"));
        assertThat(stored.findByTokenHash(GitTokenService.sha256(token.secret()))).isPresent();

        long id = tokens.list(ada).getFirst().id();
        mvc.perform(post("/tokens/" + id + "/revoke").with(csrf()).with(as(ada)))
                .andExpect(redirectedUrl("/tokens"))
                .andExpect(flash().attribute("notice", "The token \"my laptop\" is revoked: git clients that use it are refused from now on."));
        assertThat(tokens.list(ada)).isEmpty();
        assertThat(tokens.isTokenOf(ada, token.secret())).isFalse();
    }

    @Test
    void someoneElsesTokenCannotBeRevokedAndLooksMissing() throws Exception {
        String ada = person("ada");
        String bob = person("bob");
        tokens.make(ada, "laptop");
        long id = tokens.list(ada).getFirst().id();
        mvc.perform(post("/tokens/" + id + "/revoke").with(csrf()).with(as(bob)))
                .andExpect(flash().attribute("error", "You have no such token; it may be revoked already."));
        mvc.perform(post("/tokens/999999/revoke").with(csrf()).with(as(bob)))
                .andExpect(flash().attribute("error", "You have no such token; it may be revoked already."));
        assertThat(tokens.list(ada)).hasSize(1);
        assertThat(mvc.perform(get("/tokens").with(as(bob))).andReturn().getResponse().getContentAsString())
                .doesNotContain("id=\"tokens\"").contains("You have no tokens.");
    }

    @Test
    void aTokenWithoutAUsableNameIsRefusedInWords() throws Exception {
        String ada = person("ada");
        mvc.perform(post("/tokens").with(csrf()).with(as(ada)).param("name", "<script>"))
                .andExpect(redirectedUrl("/tokens"))
                .andExpect(flash().attribute("error", "Give the token a name of 1 to 40 letters, digits, spaces, '.', '-'"
                        + " or '_', starting with a letter or digit, that says where you use it, e.g. \"laptop\"."));
        assertThat(tokens.list(ada)).isEmpty();
    }

    @Test
    void thePageNeedsALogin() throws Exception {
        mvc.perform(get("/tokens")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/tokens").param("name", "x")).andExpect(result ->
                assertThat(result.getResponse().getStatus()).isEqualTo(403)); // no CSRF token, no session
    }
}
