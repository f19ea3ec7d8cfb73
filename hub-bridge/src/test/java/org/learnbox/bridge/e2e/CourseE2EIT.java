package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Courses reach every learner's home from the box's git server, and updates never lose their work. */
@ExtendWith(RunningBox.class)
class CourseE2EIT {
    /** A bare copy with the files git's plain-HTTP clients read (the file server shows no hidden folders). */
    private static final String SERVE_BARE =
            "rm -rf algebra.git && git clone -q --bare algebra algebra.git && git -C algebra.git update-server-info";
    private final RunningBox box = RunningBox.get();

    @TempDir Path teacher;

    private void awaitFile(Learner learner, String path) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (learner.server("GET", "/api/contents/" + path + "?content=0", null).statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(path + " did not arrive; the bridge said of " + learner.name + "'s courses:\n"
                        + box.shell.run("bash", "-c", "docker logs " + box.project + "-bridge-1 2>&1 | grep -E 'course.* for "
                                + learner.name + "|sandbox of " + learner.name + "'").stdout());
            }
            Thread.sleep(500);
        }
    }

    /** The dashboard's "Update my courses" button; the answer is the dashboard it leads back to. */
    private static HttpResponse<String> pressUpdate(Learner learner) throws Exception {
        return Classes.submit(learner, "/", "/courses/update", "");
    }

    @Test
    void theBundledCoursesArriveAtSpawnAndAnUpdateBringsDeletedLessonsBackAndKeepsEdits() throws Exception {
        assertThat(box.box(null, "course", "list").requireSuccess().stdout())
                .contains("java-from-zero", "Java from zero", "python-from-zero", "Python from zero");

        String code = Classes.make(box, new Learner(box, "mrs-ito"), box.addUser("mrs-ito", "teacher"), "Class 9C",
                "java-from-zero", "python-from-zero");
        String password = box.addUser("lin");
        Learner lin = new Learner(box, "lin");
        lin.logIn(password);
        assertThat(Classes.join(lin, code).body()).contains("You are in the class &quot;Class 9C&quot; of mrs-ito.");
        // The server that started at login may have looked for courses before the join: a fresh start, as next lesson.
        lin.awaitLab();
        lin.stopServer();
        lin.startServer();
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

    /** The lesson cells of {@code student}'s row in a course's progress table on the class page. */
    private static List<String> progressRow(Learner teacher, String classPage, String course, String student) throws Exception {
        String page = teacher.get(classPage).body();
        Matcher row = Pattern.compile("id=\"progress-" + course + "-" + student + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        if (!row.find()) throw new AssertionError("no progress row of " + student + " for " + course + " on the class page:\n" + page);
        return Pattern.compile("<td[^>]*class=\"number[^\"]*\"[^>]*>([^<]*)</td>").matcher(row.group(1)).results()
                .map(m -> m.group(1)).toList();
    }

    private static void awaitProgress(Learner teacher, String classPage, String course, String student, int lesson,
            String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<String> row = progressRow(teacher, classPage, course, student);
        while (!row.get(lesson - 1).equals(expected)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("lesson " + lesson + " of " + course + " shows " + row.get(lesson - 1) + ", not " + expected);
            }
            Thread.sleep(300);
            row = progressRow(teacher, classPage, course, student);
        }
    }

    @Test
    void aLessonsSelfChecksInPythonAndJavaShowAsProgressOnTheClassPage() throws Exception {
        Learner teacher = new Learner(box, "ms-berg");
        String code = Classes.make(box, teacher, box.addUser("ms-berg", "teacher"), "Class 7P", "python-from-zero",
                "java-from-zero");
        String classPage = teacher.get("/classes").body().replaceAll("(?s).*href=\"(/classes/\\d+)\"[^>]*>Class 7P<.*", "$1");
        Learner una = new Learner(box, "una");
        una.logIn(box.addUser("una"));
        Classes.join(una, code);
        una.awaitLab();
        una.stopServer();
        una.startServer();
        awaitFile(una, "courses/python-from-zero/03-conditions.ipynb");
        awaitFile(una, "courses/java-from-zero/03-conditions.ipynb");
        assertThat(progressRow(teacher, classPage, "python-from-zero", "una").get(2)).isEqualTo("0/3");

        try (KernelSession python = una.openNotebook("courses/python-from-zero/03-conditions.ipynb", "python3")) {
            KernelSession.Outcome ran = python.execute("from check import check\n"
                    + "check('14 is \"even\"', 'even', 'even')\ncheck('someone aged 70 pays 6', 8, 6)", Duration.ofSeconds(60));
            assertThat(ran.stdout()).contains("✅ Right: 14 is \"even\"", "❌ Not yet: someone aged 70 pays 6 (expected 6, got 8)");
        }
        awaitProgress(teacher, classPage, "python-from-zero", "una", 3, "1/3");

        try (KernelSession java = una.openNotebook("courses/java-from-zero/03-conditions.ipynb", "java")) {
            assertThat(java.execute("%load check.jsh", Duration.ofSeconds(120)).error()).isNull();
            KernelSession.Outcome ran = java.execute("check(\"evenOrOdd(4)\", \"even\", \"even\");\n"
                    + "check(\"evenOrOdd(7)\", \"odd\", \"odd\");", Duration.ofSeconds(60));
            assertThat(ran.stdout()).contains("✅ Right: evenOrOdd(4)", "✅ Right: evenOrOdd(7)");
        }
        awaitProgress(teacher, classPage, "java-from-zero", "una", 3, "2/" + progressRow(teacher, classPage, "java-from-zero", "una")
                .get(2).replaceAll(".*/", ""));
        assertThat(progressRow(teacher, classPage, "python-from-zero", "una").get(2)).isEqualTo("1/3");

        // Her teacher reads her notebooks from her home, not through her lab; her classmates and strangers cannot.
        una.writeFile("work/notes.ipynb", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
                + "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"# My notes <script>alert(1)</script>\"}]}");
        String work = teacher.get(classPage + "/students/una").body();
        assertThat(work).contains("courses/python-from-zero/03-conditions.ipynb", "work/notes.ipynb")
                .doesNotContain(".ipynb_checkpoints");
        HttpResponse<String> notes = teacher.get(classPage + "/students/una/notebook?path=work/notes.ipynb");
        assertThat(notes.statusCode()).isEqualTo(200);
        assertThat(notes.body()).contains("My notes &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(teacher.get(classPage + "/students/una/notebook?path=courses/python-from-zero/03-conditions.ipynb").body())
                .contains("<h1>Conditions</h1>");
        assertThat(una.get(classPage + "/students/una").statusCode()).isEqualTo(403);
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

            String code = Classes.make(box, new Learner(box, "mr-okafor"), box.addUser("mr-okafor", "teacher"),
                    "Algebra club", "e2e-algebra");
            String password = box.addUser("noor");
            Learner noor = new Learner(box, "noor");
            noor.logIn(password);
            Classes.join(noor, code);
            noor.awaitLab();
            noor.stopServer();
            noor.startServer();
            awaitFile(noor, "courses/e2e-algebra/01-sums.ipynb");
            assertThat(noor.readFile("courses/e2e-algebra/01-sums.ipynb")).as("the last valid version").contains("1 + 1");
        } finally {
            files.stop(0);
        }
    }
}
