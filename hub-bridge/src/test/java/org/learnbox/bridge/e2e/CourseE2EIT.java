package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Courses reach every learner's home from the box's git server, and updates never lose their work. */
@ExtendWith(RunningBox.class)
class CourseE2EIT {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** A bare copy with the files git's plain-HTTP clients read (the file server shows no hidden folders). */
    private static final String SERVE_BARE =
            "rm -rf algebra.git && git clone -q --bare algebra algebra.git && git -C algebra.git update-server-info";
    private final RunningBox box = RunningBox.get();

    @TempDir Path teacher;

    private static void awaitFile(Learner learner, String path) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (learner.server("GET", "/api/contents/" + path + "?content=0", null).statusCode() != 200) {
            assertThat(Instant.now()).as(path + " did not arrive").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    /** The dashboard's "Update my courses" button; the answer is the dashboard it leads back to. */
    private static HttpResponse<String> pressUpdate(Learner learner) throws Exception {
        Matcher csrf = CSRF.matcher(learner.get("/").body());
        assertThat(csrf.find()).as("the dashboard has a CSRF token").isTrue();
        return learner.http.send(HttpRequest.newBuilder(URI.create(learner.box().url("/courses/update")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + Learner.enc(csrf.group(1))))
                        .timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theBundledCoursesArriveAtSpawnAndAnUpdateBringsDeletedLessonsBackAndKeepsEdits() throws Exception {
        assertThat(box.box(null, "course", "list").requireSuccess().stdout())
                .contains("java-from-zero", "Java from zero", "python-from-zero", "Python from zero");

        String password = box.addUser("lin");
        Learner lin = new Learner(box, "lin");
        lin.logInToLab(password);
        awaitFile(lin, "courses/java-from-zero/01-values-and-types.ipynb");
        awaitFile(lin, "courses/python-from-zero/course.yaml");
        assertThat(lin.server("GET", "/api/contents/courses/java-from-zero/solutions", null).statusCode())
                .as("solutions never reach students").isEqualTo(404);

        lin.writeFile("courses/java-from-zero/01-values-and-types.ipynb", "my own version");
        assertThat(lin.server("DELETE", "/api/contents/courses/java-from-zero/02-variables.ipynb", null).statusCode())
                .isEqualTo(204);

        HttpResponse<String> dashboard = pressUpdate(lin);
        assertThat(dashboard.uri().getPath()).isEqualTo("/");
        assertThat(dashboard.body()).contains("java-from-zero: ~/courses/java-from-zero was already up to date",
                "deleted files are back: 02-variables.ipynb", "Java from zero");
        assertThat(lin.readFile("courses/java-from-zero/01-values-and-types.ipynb")).isEqualTo("my own version");
        awaitFile(lin, "courses/java-from-zero/02-variables.ipynb");

        assertThat(box.box(null, "course", "deliver", "java-from-zero").requireSuccess().stdout())
                .containsPattern("delivered java-from-zero to \\d+ running sandboxes in [0-9.]+ s \\(0 failed\\)");
        Shell.Result unknown = box.box(null, "course", "deliver", "no-such-course");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.stderr()).contains("There is no course 'no-such-course' on this box.");
    }

    @Test
    void aTeacherImportsACourseFromGitAndBadImportsAreRefusedInWords() throws Exception {
        Shell git = new Shell(teacher, java.util.Map.of());
        Path course = teacher.resolve("algebra");
        Files.createDirectories(course.resolve("solutions"));
        Files.writeString(course.resolve("course.yaml"), """
                id: e2e-algebra
                title: Algebra
                language: python
                kernel: python3
                version: 1
                lessons:
                  - file: 01-sums.ipynb
                    title: Sums
                """);
        Files.writeString(course.resolve("01-sums.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                 {"cell_type": "code", "id": "sum", "metadata": {}, "execution_count": null, "outputs": [], "source": "1 + 1"}]}
                """);
        Files.writeString(course.resolve("solutions/01-sums.json"), "{}");
        git.run("bash", "-c", "cd algebra && git init -q -b main && git add -A && git -c user.name=T -c user.email=t@x commit -qm one")
                .requireSuccess();
        git.run("bash", "-c", SERVE_BARE).requireSuccess();
        // A plain web server on this machine, as a school's own git host would be; the bridge fetches from it.
        HttpServer files = SimpleFileServer.createFileServer(new InetSocketAddress("0.0.0.0", 0), teacher,
                SimpleFileServer.OutputLevel.NONE);
        files.start();
        try {
            String url = "http://host.docker.internal:" + files.getAddress().getPort() + "/algebra.git";
            assertThat(box.box(null, "course", "import", url).requireSuccess().stdout())
                    .contains("imported course e2e-algebra, version 1, 1 lessons");
            assertThat(box.box(null, "course", "list").stdout()).contains("e2e-algebra", "Algebra");

            Shell.Result unreachable = box.box(null, "course", "import", "http://host.docker.internal:9/none.git");
            assertThat(unreachable.exitCode()).isNotZero();
            assertThat(unreachable.stderr()).contains("Could not fetch a git repository from http://host.docker.internal:9/none.git");

            Files.writeString(course.resolve("01-sums.ipynb"), "{\"nbformat\": 3}");
            git.run("bash", "-c", "cd algebra && git -c user.name=T -c user.email=t@x commit -qam broken").requireSuccess();
            git.run("bash", "-c", SERVE_BARE).requireSuccess();
            Shell.Result invalid = box.box(null, "course", "import", url);
            assertThat(invalid.exitCode()).isNotZero();
            assertThat(invalid.stderr()).contains(
                    "The course 'e2e-algebra' is not valid: 01-sums.ipynb is not an nbformat 4 notebook (nbformat is 3)");

            Shell.Result clash = box.box(null, "course", "import", box.bridgeUrlForItself("/git/courses/java-from-zero.git"));
            assertThat(clash.stderr()).contains("A course with the id 'java-from-zero' is already on this box, from bundled.");

            String password = box.addUser("noor");
            Learner noor = new Learner(box, "noor");
            noor.logInToLab(password);
            awaitFile(noor, "courses/e2e-algebra/01-sums.ipynb");
            assertThat(noor.readFile("courses/e2e-algebra/01-sums.ipynb")).as("the last valid version").contains("1 + 1");
        } finally {
            files.stop(0);
        }
    }
}
