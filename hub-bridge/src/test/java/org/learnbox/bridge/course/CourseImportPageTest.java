package org.learnbox.bridge.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** A teacher imports a course on the classes page; a refusal says why and changes nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CourseImportPageTest {
    @Autowired MockMvc mvc;
    @Autowired CourseService courses;
    @TempDir Path teacher;

    @Test
    void aTeacherImportsACourseFromGitOnThePage() throws Exception {
        new CourseFixture(teacher, "page-import").lesson("01-a.ipynb", "a").write();
        try (Git git = Git.init().setDirectory(teacher.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
        }
        try (LocalGitServer server = new LocalGitServer(teacher)) {
            mvc.perform(post("/courses/import").with(csrf()).with(user("t").roles("TEACHER")).param("url", server.url()))
                    .andExpect(redirectedUrl("/classes"))
                    .andExpect(flash().attribute("notice", "The course \"Test course page-import\" (page-import, version 1, 1 lessons)"
                            + " is on the box. Give it to a class on the class's page."));
        }
        assertThat(courses.find("page-import")).isPresent();

        mvc.perform(post("/courses/import").with(csrf()).with(user("t").roles("TEACHER")).param("url", "http://127.0.0.1:9/x.git"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.startsWith("Could not fetch a git repository from http://127.0.0.1:9/x.git")))
                .andExpect(flash().attribute("typedUrl", "http://127.0.0.1:9/x.git"));
    }
}
