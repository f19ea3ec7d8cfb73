package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The admin's accounts page and the login throttle, through the bridge's doors. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccountAdminWebTest {
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired PasswordEncoder encoder;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void onlyAdminsUseTheAccountsPage() throws Exception {
        mvc.perform(get("/admin/accounts")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/accounts").with(user("t").roles("TEACHER"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").with(user("s").roles("STUDENT"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/x/password").with(csrf()).with(user("t").roles("TEACHER"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").with(user("boss").roles("ADMIN"))).andExpect(status().isOk());
    }

    @Test
    void anAdminAddsAccountsResetsPasswordsChangesRolesAndRemovesButNotThemselves() throws Exception {
        RequestPostProcessor admin = user("chief").roles("ADMIN");
        mvc.perform(post("/admin/accounts").with(csrf()).with(admin).param("name", "newbie").param("role", "student"))
                .andExpect(flash().attribute("notice", "Added student 'newbie'."));
        AccountAdminController.ShownOnce first = (AccountAdminController.ShownOnce) mvc.perform(post("/admin/accounts/newbie/password")
                .with(csrf()).with(admin)).andReturn().getFlashMap().get("password");
        assertThat(first.password()).hasSize(14);
        assertThat(encoder.matches(first.password(), accounts.find("newbie").orElseThrow().getPasswordHash())).isTrue();

        mvc.perform(post("/admin/accounts/newbie/role").with(csrf()).with(admin).param("role", "teacher"))
                .andExpect(flash().attribute("notice", "'newbie' is now a teacher. It counts from their next login."));
        assertThat(accounts.find("newbie").orElseThrow().getRole()).isEqualTo(Role.TEACHER);
        mvc.perform(post("/admin/accounts/newbie/role").with(csrf()).with(admin).param("role", "wizard"))
                .andExpect(flash().attribute("error", "'wizard' is not a role: use one of student, teacher, admin"));
        mvc.perform(post("/admin/accounts").with(csrf()).with(admin).param("name", "Bad Name").param("role", "student"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.startsWith("'Bad Name' is not a valid name")));

        mvc.perform(post("/admin/accounts/chief/remove").with(csrf()).with(admin))
                .andExpect(flash().attribute("error", "You cannot remove your own account; another admin can."));
        mvc.perform(post("/admin/accounts/newbie/remove").with(csrf()).with(admin))
                .andExpect(flash().attribute("notice", "Removed 'newbie'. Their home folder is kept on the box."));
        assertThat(accounts.exists("newbie")).isFalse();
        mvc.perform(post("/admin/accounts/newbie/password").with(csrf()).with(admin))
                .andExpect(flash().attribute("error", "There is no account named 'newbie'."));
    }

    @Test
    void repeatedFailedLoginsCloseTheFormWithOneMessageWhetherOrNotTheAccountExists() throws Exception {
        accounts.add("victim", Role.STUDENT, "the-right-password");
        for (String name : new String[] {"victim", "nobody-at-all"}) {
            for (int i = 0; i < 5; i++) {
                mvc.perform(post("/login").with(csrf()).with(from("198.51.100." + i))
                                .param("username", name).param("password", "wrong-password"))
                        .andExpect(redirectedUrl("/login?error"));
            }
            mvc.perform(post("/login").with(csrf()).with(from("198.51.100.99"))
                            .param("username", name).param("password", "the-right-password"))
                    .andExpect(redirectedUrl("/login?throttled"));
        }
        String page = mvc.perform(get("/login").param("throttled", "")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Too many failed logins. Wait 15 minutes and try again, or ask your teacher to reset your password.");
    }
}
