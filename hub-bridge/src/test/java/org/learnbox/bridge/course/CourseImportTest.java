package org.learnbox.bridge.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnbox.bridge.config.TestProperties;

/** Importing a teacher's course from a git URL: checked whole before anything changes. */
class CourseImportTest {
    @TempDir Path teacher;
    @TempDir Path data;
    private LocalGitServer server;

    @AfterEach
    void stopServer() {
        if (server != null) server.close();
    }

    private CourseService service() {
        return new CourseService(new CourseRepositories(data.resolve("courses")), TestProperties.of("t",
                TestProperties.sandbox("i"), TestProperties.hub("http://127.0.0.1:9/hub/api"),
                TestProperties.courses(data.resolve("courses").toString())));
    }

    private String commitAll(String message) throws Exception {
        try (Git git = Files.isDirectory(teacher.resolve(".git")) ? Git.open(teacher.toFile())
                : Git.init().setDirectory(teacher.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
        }
        if (server == null) server = new LocalGitServer(teacher);
        return server.url();
    }

    @Test
    void aValidCourseIsImportedAndAnUpdateIsANewVersion() throws Exception {
        CourseFixture course = new CourseFixture(teacher, "algebra").lesson("01-a.ipynb", "a")
                .file("solutions/01-a.json", "{}");
        course.write();
        String url = commitAll("first");
        CourseService service = service();

        CourseRepositories.Published first = service.importFromGit(url);
        assertThat(first.manifest().id()).isEqualTo("algebra");
        assertThat(first.source()).isEqualTo(url);

        course.lesson("02-b.ipynb", "b").version(2).write();
        commitAll("second");
        CourseRepositories.Published second = service.importFromGit(url);
        assertThat(second.manifest().version()).isEqualTo("2");
        assertThat(second.commit()).isNotEqualTo(first.commit());
    }

    @Test
    void anInvalidCourseIsRefusedAndTheBoxKeepsThePreviousVersion() throws Exception {
        CourseFixture course = new CourseFixture(teacher, "algebra").lesson("01-a.ipynb", "a");
        course.write();
        String url = commitAll("first");
        CourseService service = service();
        String published = service.importFromGit(url).commit();

        course.file("01-a.ipynb", "{\"nbformat\": 3}");
        commitAll("broken");
        assertThatThrownBy(() -> service.importFromGit(url)).isInstanceOf(CourseException.class)
                .hasMessage("The course 'algebra' is not valid: 01-a.ipynb is not an nbformat 4 notebook (nbformat is 3)");
        assertThat(service.list()).singleElement().satisfies(p -> assertThat(p.commit()).isEqualTo(published));
    }

    @Test
    void anUnreachableOrEmptyUrlIsRefusedInWords() {
        CourseService service = service();
        assertThatThrownBy(() -> service.importFromGit("http://127.0.0.1:9/nowhere.git"))
                .isInstanceOf(CourseException.class)
                .hasMessageStartingWith("Could not fetch a git repository from http://127.0.0.1:9/nowhere.git: ");
        assertThatThrownBy(() -> service.importFromGit(" ")).isInstanceOf(CourseException.class)
                .hasMessage("Give the git URL of the course repository.");
        assertThat(service.list()).isEmpty();
    }

    @Test
    void aPathOnTheBoxsOwnDiskIsRefusedUnread() throws Exception {
        new CourseFixture(teacher, "algebra").lesson("01-a.ipynb", "a").write();
        commitAll("first");
        CourseService service = service();
        for (String url : java.util.List.of(teacher.toUri().toString(), teacher.toString(), "file://" + teacher + "/.git")) {
            assertThatThrownBy(() -> service.importFromGit(url)).isInstanceOf(CourseException.class)
                    .hasMessage("'" + url + "' is not the address of a git server (https://, git:// or ssh://); the box does not clone from its own disk.");
        }
        assertThat(service.list()).isEmpty();
    }

    @Test
    void aRepositoryThatIsNotACourseIsRefused() throws Exception {
        Files.writeString(teacher.resolve("README.md"), "hello");
        String url = commitAll("not a course");
        assertThatThrownBy(() -> service().importFromGit(url)).isInstanceOf(CourseException.class)
                .hasMessage("This is not a course: it has no course.yaml in its top folder");
    }
}
