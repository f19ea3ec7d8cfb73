package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A repository's files and history in the browser: folders, texts, other files, earlier commits, and who may look. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RepoBrowseTest {
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ClassroomService classrooms;
    @Autowired RepoService repos;
    @Autowired GitStorage storage;
    @MockitoBean JupyterHubClient hub;
    @TempDir Path work;

    private static int run;

    private String person(Role role) {
        String name = "browse-" + role.name().toLowerCase() + "-" + (++run);
        accounts.add(name, role, "a-long-password");
        return name;
    }

    private static RequestPostProcessor as(String name, Role role) {
        return user(name).roles(role.name());
    }

    @Test
    void theOwnerWalksFoldersReadsFilesAndGoesBackInHistory() throws Exception {
        String ada = person(Role.STUDENT);
        repos.create(ada, "my-game", RepoVisibility.PRIVATE);
        RevCommit first;
        try (Git clone = Git.cloneRepository().setURI(storage.folder(ada, "my-game").toUri().toString())
                .setDirectory(work.resolve("my-game").toFile()).call()) {
            write("README.md", "# My game\n");
            write("src/Main.java", "class Main { boolean fair = 1 < 2; }\n");
            first = commit(clone, "Start the game");
            write("src/Score.java", "class Score {}\n");
            Files.write(work.resolve("my-game/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
            commit(clone, "Keep a score <fast>");
            clone.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
        }

        String top = page(ada, Role.STUDENT, "/repositories/" + ada + "/my-game/files").getContentAsString();
        assertThat(top).contains("Keep a score &lt;fast&gt;", "git push box main", "git remote add box http://localhost/git/" + ada + "/my-game.git");
        assertThat(top.indexOf(">src/<")).as("folders first").isPositive().isLessThan(top.indexOf(">logo.png<"));
        assertThat(top.indexOf(">README.md<")).isGreaterThan(top.indexOf(">logo.png<"));

        String source = page(ada, Role.STUDENT, "/repositories/" + ada + "/my-game/files?path=src/Main.java").getContentAsString();
        assertThat(source).contains("class Main { boolean fair = 1 &lt; 2; }", "<strong>Main.java</strong>",
                "href=\"/repositories/" + ada + "/my-game/files?ref=main&amp;path=src\"");
        assertThat(page(ada, Role.STUDENT, "/repositories/" + ada + "/my-game/files?path=/src/").getContentAsString())
                .contains(">Main.java<", ">Score.java<");
        assertThat(page(ada, Role.STUDENT, "/repositories/" + ada + "/my-game/files?path=logo.png").getContentAsString())
                .contains("logo.png is not text (8 bytes).").doesNotContain("id=\"file-text\"");

        String history = page(ada, Role.STUDENT, "/repositories/" + ada + "/my-game/commits").getContentAsString();
        assertThat(history.indexOf("Keep a score")).isPositive().isLessThan(history.indexOf("Start the game"));
        String then = page(ada, Role.STUDENT, "/repositories/" + ada + "/my-game/files?ref=" + first.name() + "&path=src")
                .getContentAsString();
        assertThat(then).contains(">Main.java<").doesNotContain("Score.java");

        MockHttpServletResponse noFile = page(ada, Role.STUDENT, "/repositories/" + ada + "/my-game/files?path=src/Nope.java");
        assertThat(noFile.getStatus()).isEqualTo(404);
        assertThat(noFile.getContentAsString()).contains("my-game has no file or folder &#39;src/Nope.java&#39; at main.");
        MockHttpServletResponse noBranch = page(ada, Role.STUDENT, "/repositories/" + ada + "/my-game/files?ref=HEAD~1");
        assertThat(noBranch.getStatus()).isEqualTo(404);
        assertThat(noBranch.getContentAsString()).contains("my-game has no branch, tag or commit &#39;HEAD~1&#39;.");
    }

    @Test
    void anEmptyRepositorySaysSoAndTellsHowToFillIt() throws Exception {
        String ada = person(Role.STUDENT);
        repos.create(ada, "empty", RepoVisibility.PRIVATE);
        String page = page(ada, Role.STUDENT, "/repositories/" + ada + "/empty/files").getContentAsString();
        assertThat(page).contains("Nothing is pushed to this repository yet.", "git push box main");
        assertThat(page(ada, Role.STUDENT, "/repositories/" + ada + "/empty/commits").getContentAsString())
                .contains("Nothing is pushed to this repository yet.");
    }

    @Test
    void theTeacherReadsAStudentsPrivateRepositoryAndAnotherStudentFindsNothing() throws Exception {
        String ada = person(Role.STUDENT);
        String bob = person(Role.STUDENT);
        String teacher = person(Role.TEACHER);
        Classroom math = classrooms.create(teacher, "Browse math " + run);
        classrooms.join(ada, math.getJoinCode());
        classrooms.join(bob, math.getJoinCode());
        repos.create(ada, "secret", RepoVisibility.PRIVATE);

        String seen = page(teacher, Role.TEACHER, "/repositories/" + ada + "/secret/files").getContentAsString();
        assertThat(seen).contains("Clone it (read-only)", "git clone http://localhost/git/" + ada + "/secret.git")
                .doesNotContain("git push box main");
        MockHttpServletResponse refused = page(bob, Role.STUDENT, "/repositories/" + ada + "/secret/files");
        MockHttpServletResponse missing = page(bob, Role.STUDENT, "/repositories/" + ada + "/nothing/files");
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(refused.getContentAsString()).contains("There is no repository " + ada + "/secret that you may read.",
                "id=\"nav-repositories\"");
        assertThat(missing.getStatus()).isEqualTo(404);
    }

    private MockHttpServletResponse page(String name, Role role, String path) throws Exception {
        return mvc.perform(get(path).with(as(name, role))).andReturn().getResponse();
    }

    private void write(String path, String text) throws IOException {
        Path file = work.resolve("my-game").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static RevCommit commit(Git clone, String message) throws Exception {
        clone.add().addFilepattern(".").call();
        PersonIdent ada = new PersonIdent("Ada", "ada@school.example");
        return clone.commit().setMessage(message).setAuthor(ada).setCommitter(ada).setSign(false).call();
    }
}
