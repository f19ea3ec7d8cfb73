package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The repositories page: a new repository from the form, refusals in words, who may clone it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class GitRepositoryPagesTest {
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired RepoService repos;
    @Autowired GitStorage storage;
    @MockitoBean JupyterHubClient hub;

    private static int run;

    private String person() {
        String name = "repo-page-" + (++run);
        accounts.add(name, Role.STUDENT, "a-long-password");
        return name;
    }

    private static RequestPostProcessor as(String name) {
        return user(name).roles("STUDENT");
    }

    @Test
    void theNewRepositoryFormMakesAnEmptyRepositoryWithItsCloneAddress() throws Exception {
        String ada = person();
        mvc.perform(post("/repositories").with(csrf()).with(as(ada)).param("name", "my-game").param("visibility", "public"))
                .andExpect(redirectedUrl("/repositories"))
                .andExpect(flash().attribute("notice", "Your repository 'my-game' is ready. Push to"
                        + " http://localhost/git/" + ada + "/my-game.git to fill it."));
        assertThat(storage.exists(ada, "my-game")).isTrue();
        assertThat(repos.reposOf(ada)).singleElement().satisfies(r -> {
            assertThat(r.isPublic()).isTrue();
            assertThat(r.lastCommit()).isNull();
            assertThat(r.defaultBranch()).isEqualTo("main");
        });
        String page = mvc.perform(get("/repositories").with(as(ada))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("http://localhost/git/" + ada + "/my-game.git", "Nothing pushed to main yet.",
                "not deployed", "Make private", "href=\"/tokens\"");
    }

    @Test
    void badAndTakenNamesAreRefusedInWords() throws Exception {
        String ada = person();
        mvc.perform(post("/repositories").with(csrf()).with(as(ada)).param("name", "My Game"))
                .andExpect(flash().attribute("error", "'My Game' is not a name for a repository: use 2 to 32 lowercase"
                        + " letters, digits or '-' (not two in a row), starting with a letter or a digit, e.g. my-game."));
        mvc.perform(post("/repositories").with(csrf()).with(as(ada)).param("name", "a--b"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.startsWith("'a--b' is not a name for a repository")));
        mvc.perform(post("/repositories").with(csrf()).with(as(ada)).param("name", "quiz"));
        mvc.perform(post("/repositories").with(csrf()).with(as(ada)).param("name", "quiz.git"))
                .andExpect(flash().attribute("error", "You already have a repository named 'quiz'."));
        mvc.perform(post("/repositories").with(csrf()).with(as(ada)).param("name", "other").param("visibility", "everyone"))
                .andExpect(flash().attribute("error", "Choose who may clone the repository: private (you, your teachers"
                        + " and the admins) or public (anyone with its address)."));
        assertThat(repos.reposOf(ada)).extracting(RepoView::name).containsExactly("quiz");
    }

    @Test
    void theOwnerChangesWhoMayCloneAndOthersChangeOnlyTheirOwn() throws Exception {
        String ada = person();
        String bob = person();
        repos.create(ada, "notes", RepoVisibility.PRIVATE);
        mvc.perform(post("/repositories/notes/visibility").with(csrf()).with(as(ada)).param("visibility", "public"))
                .andExpect(flash().attribute("notice", "'notes' is public now: anyone with its address may clone it."
                        + " Only you may push."));
        mvc.perform(post("/repositories/notes/visibility").with(csrf()).with(as(bob)).param("visibility", "private"))
                .andExpect(flash().attribute("error", "You have no repository named 'notes'."));
        assertThat(repos.reposOf(ada).getFirst().isPublic()).isTrue();
    }

    @Test
    void deletingTakesTheTypedNameAndLeavesNothingBehind() throws Exception {
        String ada = person();
        String bob = person();
        repos.create(ada, "old-game", RepoVisibility.PRIVATE);
        mvc.perform(post("/repositories/old-game/delete").with(csrf()).with(as(ada)))
                .andExpect(flash().attribute("error", "'old-game' was not deleted: type its name to confirm."));
        mvc.perform(post("/repositories/old-game/delete").with(csrf()).with(as(ada)).param("confirmName", "old-gam"))
                .andExpect(flash().attribute("error", "'old-game' was not deleted: type its name to confirm (you typed 'old-gam')."));
        mvc.perform(post("/repositories/old-game/delete").with(csrf()).with(as(bob)).param("confirmName", "old-game"))
                .andExpect(flash().attribute("error", "You have no repository named 'old-game'."));
        assertThat(storage.exists(ada, "old-game")).isTrue();
        String page = mvc.perform(get("/repositories").with(as(ada))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("action=\"/repositories/old-game/delete\"", "Delete for good");

        mvc.perform(post("/repositories/old-game/delete").with(csrf()).with(as(ada)).param("confirmName", " old-game "))
                .andExpect(redirectedUrl("/repositories"))
                .andExpect(flash().attribute("notice", "'old-game' is deleted, with its releases."));
        assertThat(storage.exists(ada, "old-game")).isFalse();
        assertThat(repos.reposOf(ada)).isEmpty();
        assertThat(repos.create(ada, "old-game", RepoVisibility.PUBLIC).lastCommit()).as("the name is free again").isNull();
    }
}
