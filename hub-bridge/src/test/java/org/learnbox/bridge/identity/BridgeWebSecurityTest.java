package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The bridge's doors: who may use the box API, the login form, the hand-off to JupyterHub. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BridgeWebSecurityTest {
    private static final String SECRET = "test-secret-test-secret-test-secret-0123";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;

    private static MockHttpServletRequestBuilder withSecret(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + SECRET);
    }

    @Test
    void theBoxApiNeedsTheSharedSecret() throws Exception {
        mvc.perform(get("/admin-api/users")).andExpect(status().isUnauthorized());
        mvc.perform(get("/admin-api/users").header("Authorization", "Bearer wrong")).andExpect(status().isUnauthorized());
        mvc.perform(get("/hub-api/sandboxes/ada")).andExpect(status().isUnauthorized());
        mvc.perform(post("/hub-api/handoff/redeem").contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"x\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(withSecret(get("/admin-api/users")).accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk());
    }

    @Test
    void theAdminApiAddsListsAndRemovesAccountsAndSaysWhyItRefuses() throws Exception {
        mvc.perform(withSecret(post("/admin-api/users")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"webby\",\"role\":\"teacher\",\"password\":\"long-enough\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("webby"))
                .andExpect(jsonPath("$.role").value("teacher"));
        mvc.perform(withSecret(post("/admin-api/users")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"webby\",\"password\":\"long-enough\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("There is already an account named 'webby'."));
        mvc.perform(withSecret(post("/admin-api/users")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Web By\",\"password\":\"long-enough\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("is not a valid name")));
        mvc.perform(withSecret(get("/admin-api/users")).accept(MediaType.TEXT_PLAIN))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("webby")));
        mvc.perform(withSecret(delete("/admin-api/users/webby"))).andExpect(status().isNoContent());
        mvc.perform(withSecret(delete("/admin-api/users/webby")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("There is no account named 'webby'."));
        assertThat(accounts.exists("webby")).isFalse();
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        Account account = accounts.add("hashy", Role.STUDENT, "plain-text-pw");
        assertThat(account.getPasswordHash()).startsWith("$2").doesNotContain("plain-text-pw");
    }

    @Test
    void theLoginFormNeedsItsCsrfTokenAndLeadsToTheHub() throws Exception {
        accounts.add("formy", Role.STUDENT, "formy-password");
        mvc.perform(post("/login").param("username", "formy").param("password", "formy-password"))
                .andExpect(status().isForbidden());
        // Straight to the hub's callback with a hand-off token, on to the spawn page and the lab.
        String landing = mvc.perform(post("/login").with(csrf()).param("username", "formy").param("password", "formy-password"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(landing).startsWith("/hub/learnbox/callback?token=").endsWith("&next=%2Fhub%2Fspawn%3Fnext%3D%252Fuser%252Fformy%252Flab");
        mvc.perform(post("/login").with(csrf()).param("username", "formy").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void teachersAndAdminsLandOnTheDashboardAndAPageAskedForFirstWins() throws Exception {
        accounts.add("landing-teacher", Role.TEACHER, "landing-password");
        accounts.add("landing-admin", Role.ADMIN, "landing-password");
        for (String name : java.util.List.of("landing-teacher", "landing-admin")) {
            mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "landing-password"))
                    .andExpect(redirectedUrl("/"));
        }
        // The page asked for is remembered in a cookie (a visitor who has not logged in holds no session).
        jakarta.servlet.http.Cookie asked = mvc.perform(get("/classes")).andExpect(redirectedUrl("/login"))
                .andReturn().getResponse().getCookie("REDIRECT_URI");
        assertThat(asked).as("the page asked for, kept for after the login").isNotNull();
        String landing = mvc.perform(post("/login").cookie(asked).with(csrf()).param("username", "landing-teacher").param("password", "landing-password"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(landing).endsWith("/classes");
    }

    @Test
    void theHandOffNeedsALoginAndItsTokenIsRedeemedOnce() throws Exception {
        mvc.perform(get("/handoff").param("next", "/hub/spawn")).andExpect(redirectedUrl("/login"));

        accounts.add("handy", Role.ADMIN, "handy-password");
        String location = mvc.perform(get("/handoff").param("next", "/user/handy/lab").with(user("handy")))
                .andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/hub/learnbox/callback?token=").endsWith("&next=%2Fuser%2Fhandy%2Flab");
        String token = URLDecoder.decode(location.replaceAll(".*token=([^&]+).*", "$1"), StandardCharsets.UTF_8);

        mvc.perform(withSecret(post("/hub-api/handoff/redeem")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("handy"))
                .andExpect(jsonPath("$.admin").value(true));
        mvc.perform(withSecret(post("/hub-api/handoff/redeem")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("This login link is not valid any more; please log in again."));
    }

    @Test
    void aStoppedServersAddressIsHandedToTheHub() throws Exception {
        mvc.perform(get("/user/ada/lab/tree/x.ipynb?reset=1"))
                .andExpect(redirectedUrl("/hub/user/ada/lab/tree/x.ipynb?reset=1"));
    }
}
