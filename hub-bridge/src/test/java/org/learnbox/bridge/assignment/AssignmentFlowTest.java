package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.classroom.NotYourClassException;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The flow of an assignment through the box: a teacher imports it from their home (checked
 * against their own solution), releases it to a class, the notebooks reach the students' homes
 * without replacing their work, students submit, the queue grades, feedback lands in their home,
 * and the gradebook and its CSV say the points. The grading container is faked here by a runner
 * that fails the test cells a submission names ({@code # fail:GRADE_ID}); DockerGradingRuntimeIT
 * grades in real containers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AssignmentFlowTest {
    private static final Duration GRADING = Duration.ofSeconds(30);

    @TestConfiguration
    static class Fakes {
        @Bean
        @Primary
        InMemoryHomes homes() {
            return new InMemoryHomes();
        }

        /** Reports every code cell ok, but the tests whose grade_id the notebook names after "# fail:". */
        /** The last notebook a grading was given, as it was prepared. */
        static final java.util.concurrent.atomic.AtomicReference<String> LAST_RUN = new java.util.concurrent.atomic.AtomicReference<>();

        @Bean
        @Primary
        GradingRuntime namedFailures() {
            return (prepared, files, language, limits) -> {
                String text = new String(prepared, StandardCharsets.UTF_8);
                LAST_RUN.set(text);
                Map<String, String> statuses = new ConcurrentHashMap<>();
                for (String gradeId : List.of("correct_squares", "squares_invalid_input", "correct_sum_of_squares")) {
                    if (text.contains("# fail:" + gradeId) || text.contains("// fail:" + gradeId)) statuses.put(gradeId, "error");
                }
                return new GradingRuntime.RawGrading(NotebookFixture.JSON.writeValueAsBytes(GraderTest.report(prepared, statuses)),
                        prepared, false);
            };
        }
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ClassroomService classrooms;
    @Autowired AssignmentLibrary library;
    @Autowired AssignmentReleases releases;
    @Autowired Submissions submissions;
    @Autowired Gradebook gradebook;
    @Autowired InMemoryHomes homes;
    @Autowired Feedback feedback;
    @MockitoBean JupyterHubClient hub;

    private static int run;
    private String teacher, otherTeacher, student, classmate, outsider, id;
    private Classroom classroom, otherClass;

    @BeforeEach
    void aTeacherWithAnAssignmentInTheirHomeAndAClass() throws IOException {
        run++;
        teacher = account("asg-t" + run, Role.TEACHER);
        otherTeacher = account("asg-o" + run, Role.TEACHER);
        student = account("asg-s" + run, Role.STUDENT);
        classmate = account("asg-c" + run, Role.STUDENT);
        outsider = account("asg-x" + run, Role.STUDENT);
        classroom = classrooms.create(teacher, "Squares " + run);
        classrooms.join(student, classroom.getJoinCode());
        classrooms.join(classmate, classroom.getJoinCode());
        otherClass = classrooms.create(otherTeacher, "Other " + run);
        classrooms.join(outsider, otherClass.getJoinCode());
        id = "ps1-run" + run;
        for (String name : List.of("assignment.yaml", "squares-python.ipynb", "squares-java.ipynb")) {
            String content = Files.readString(NotebookFixture.PS1.resolve(name));
            if (name.equals("assignment.yaml")) content = content.replace("id: ps1", "id: " + id).replaceAll("due: .*", "due: 2099-01-15T23:59:00+08:00");
            homes.home(teacher).put("work/ps1/" + name, content.getBytes(StandardCharsets.UTF_8));
        }
        for (String learner : List.of(student, classmate, outsider)) {
            homes.home(learner).put("notes.txt", "mine".getBytes(StandardCharsets.UTF_8));
            homes.running.add(learner);
        }
    }

    private String account(String name, Role role) {
        accounts.add(name, role, "a-long-password");
        return name;
    }

    private String path(String name) {
        return "assignments/" + id + "/" + name;
    }

    private void release(Instant due) {
        library.importFromHome(teacher, "work/ps1");
        releases.release(id, classroom.getId(), due, teacher);
    }

    /** Polls with a deadline: grading runs on the queue's threads. */
    private Submission graded(String learner) throws InterruptedException {
        Instant deadline = Instant.now().plus(GRADING);
        while (Instant.now().isBefore(deadline)) {
            Submission latest = submissions.latest(learner, id).orElseThrow();
            if (latest.getState() != SubmissionState.QUEUED) return latest;
            Thread.sleep(50);
        }
        throw new AssertionError("not graded within " + GRADING);
    }

    private void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(GRADING);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("not within " + GRADING);
            Thread.sleep(50);
        }
    }

    @Test
    void anImportedAssignmentIsReleasedIntoEveryRunningStudentsHomeWithoutSolutionsAndWithoutReplacingTheirWork() throws Exception {
        homes.home(classmate).put(path("squares-python.ipynb"), "my own work".getBytes(StandardCharsets.UTF_8));
        homes.home(teacher).put("work/ps1/data/numbers.csv", "1,2,3".getBytes(StandardCharsets.UTF_8));
        Assignment imported = library.importFromHome(teacher, "work/ps1");
        assertThat(imported.getPoints()).isEqualTo(10.0);

        releases.release(id, classroom.getId(), null, teacher);

        waitFor(() -> homes.text(student, path("squares-java.ipynb")) != null && homes.text(classmate, path("squares-java.ipynb")) != null);
        assertThat(homes.text(student, path("squares-python.ipynb"))).contains("correct_squares").doesNotContain("BEGIN SOLUTION", "squares(11)");
        assertThat(homes.text(classmate, path("squares-python.ipynb"))).isEqualTo("my own work");
        waitFor(() -> homes.text(student, path("data/numbers.csv")) != null);
        assertThat(homes.text(student, path("data/numbers.csv"))).as("the files beside the notebooks come too").isEqualTo("1,2,3");
        assertThat(homes.home(outsider)).doesNotContainKey(path("squares-python.ipynb"));
        assertThat(releases.releasesFor(student)).extracting(r -> r.release().getDueAt()).containsExactly(Instant.parse("2099-01-15T15:59:00Z"));
    }

    @Test
    void anAssignmentWhoseTestsFailAgainstItsOwnSolutionIsRefusedNamingEachTest() {
        String source = homes.text(teacher, "work/ps1/squares-python.ipynb");
        homes.home(teacher).put("work/ps1/squares-python.ipynb",
                source.replace("### END SOLUTION", "# fail:correct_squares\\n    ### END SOLUTION").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> library.importFromHome(teacher, "work/ps1")).isInstanceOfSatisfying(AssignmentException.class, refused -> {
            assertThat(refused.problems()).extracting(AssignmentProblem::key).containsOnly("assignment.refused.solution-fails");
            assertThat(refused.getMessage()).contains("squares-python.ipynb: the tests of correct_squares fail against the teacher's own solution");
        });
        assertThatThrownBy(() -> library.require(id)).isInstanceOf(AssignmentException.class);
    }

    @Test
    void aStudentSubmitsFromTheirSandboxAndGetsTheirPointsAndFeedbackInTheirHome() throws Exception {
        release(null);
        waitFor(() -> homes.text(student, path("squares-python.ipynb")) != null);
        String released = homes.text(student, path("squares-python.ipynb"));
        homes.home(student).put(path("squares-python.ipynb"),
                released.replace("raise NotImplementedError()", "# fail:squares_invalid_input\\n    return [i * i for i in range(1, n + 1)]")
                        .getBytes(StandardCharsets.UTF_8));

        String answer = mvc.perform(post("/api/assignments/" + id + "/submissions").with(user(student).roles("STUDENT")).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("\"state\":\"queued\"", "squares-python.ipynb", "squares-java.ipynb");
        Submission graded = graded(student);

        assertThat(graded.getState()).isEqualTo(SubmissionState.GRADED);
        assertThat(graded.getScore()).isEqualTo(5.0);
        assertThat(graded.getMaxScore()).isEqualTo(10.0);
        JsonNode latest = NotebookFixture.JSON.readTree(mvc.perform(get("/api/assignments/" + id + "/submissions/latest")
                .with(user(student).roles("STUDENT"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(latest.path("submission").path("score").asDouble()).isEqualTo(5.0);
        assertThat(latest.path("cells").toString()).contains("squares_invalid_input", "AssertionError");
        waitFor(() -> homes.text(student, path("feedback/squares-python.ipynb")) != null);
        assertThat(homes.text(student, path("feedback/squares-python.ipynb"))).contains("squares(11)[-1] == 121");
        assertThat(homes.text(student, path("feedback/squares-python.html"))).contains(
                "5 of 10 points in the whole assignment", "<td>squares_invalid_input</td>", "0 / 1", "AssertionError",
                "? / 1, the teacher grades it", "squares(11)[-1] == 121");

        // A student whose browser reads Chinese gets their feedback page in Chinese.
        mvc.perform(get("/assignments").with(user(student).roles("STUDENT")).header("Accept-Language", "zh-CN")).andExpect(status().isOk());
        feedback.deliver(graded);
        assertThat(homes.text(student, path("feedback/squares-python.html"))).contains(
                "整份作业得 5 分，满分 10 分", "<td>squares_invalid_input</td>", "? / 1，由老师评分", "squares(11)[-1] == 121");
    }

    @Test
    void anAssignmentThatShowsScoresAfterItsDueDateKeepsThemFromItsStudentsUntilThen() throws Exception {
        String yaml = homes.text(teacher, "work/ps1/assignment.yaml").replaceAll("due: .*", "") + "score: after-due\n";
        homes.home(teacher).put("work/ps1/assignment.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        library.importFromHome(teacher, "work/ps1");
        assertThatThrownBy(() -> releases.release(id, classroom.getId(), null, teacher))
                .hasMessage("Assignment " + id + " shows scores after the due date: give the release a due date.");
        Instant due = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        releases.release(id, classroom.getId(), due, teacher);
        waitFor(() -> homes.text(student, path("squares-python.ipynb")) != null);

        mvc.perform(post("/api/assignments/" + id + "/submissions").with(user(student).roles("STUDENT")).with(csrf()))
                .andExpect(status().isCreated());
        Submission graded = graded(student);
        assertThat(graded.getScore()).as("kept for the teacher").isNotNull();
        JsonNode latest = NotebookFixture.JSON.readTree(mvc.perform(get("/api/assignments/" + id + "/submissions/latest?wait=5")
                .with(user(student).roles("STUDENT"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(latest.path("submission").path("state").asString()).isEqualTo("graded");
        assertThat(latest.path("submission").path("score").isNull()).as(latest.toString()).isTrue();
        assertThat(latest.path("submission").path("scoreFrom").asString()).isEqualTo(due.toString());
        assertThat(latest.path("cells")).isEmpty();
        assertThat(page("/assignments/" + id, student, "STUDENT")).contains("are shown after the due date").doesNotContain("of 10 points");
        assertThat(page("/assignments", student, "STUDENT")).contains("score after the due date");
        feedback.deliver(graded);
        assertThat(homes.text(student, path("feedback/squares-python.ipynb"))).isNull();

        releases.release(id, classroom.getId(), Instant.now().minusSeconds(60), teacher);
        latest = NotebookFixture.JSON.readTree(mvc.perform(get("/api/assignments/" + id + "/submissions/latest")
                .with(user(student).roles("STUDENT"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(latest.path("submission").path("score").asDouble()).isEqualTo(graded.getScore());
        assertThat(latest.path("cells")).isNotEmpty();
        feedback.deliver(graded);
        assertThat(homes.text(student, path("feedback/squares-python.ipynb"))).isNotNull();
    }

    @Test
    void validatingRunsOnlyTheTestsTheStudentSeesAndKeepsNothing() throws Exception {
        release(null);
        waitFor(() -> homes.text(student, path("squares-python.ipynb")) != null);
        homes.home(student).put(path("squares-python.ipynb"), homes.text(student, path("squares-python.ipynb"))
                .replace("raise NotImplementedError()", "# fail:squares_invalid_input\\n    pass").getBytes(StandardCharsets.UTF_8));

        String answer = mvc.perform(post("/api/assignments/" + id + "/validation").with(user(student).roles("STUDENT")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        JsonNode validation = NotebookFixture.JSON.readTree(answer);
        assertThat(validation.path("problems")).as(answer).isEmpty();
        assertThat(validation.path("cells").toString()).contains("\"gradeId\":\"correct_squares\"", "\"status\":\"OK\"",
                "\"gradeId\":\"squares_invalid_input\",\"kind\":\"AUTOGRADER_TESTS\",\"maxPoints\":1.0,\"points\":0.0,\"status\":\"ERROR\"");
        assertThat(validation.path("cells")).hasSize(5);
        assertThat(Fakes.LAST_RUN.get()).as("hidden tests stay out").doesNotContain("squares(11)").contains("correct_squares");
        assertThat(submissions.of(student, id)).isEmpty();
        assertThat(page("/assignments/" + id, student, "STUDENT")).contains("Validate: run the tests I can see");
    }

    @Test
    void nobodyOutsideTheClassSubmitsOrReadsItsGradesAndEachRefusalIsInWords() throws Exception {
        homes.running.remove(classmate);
        release(null);
        String refusal = mvc.perform(post("/api/assignments/" + id + "/submissions").with(user(outsider).roles("STUDENT")).with(csrf()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(refusal).contains("None of your classes has the assignment");
        assertThatThrownBy(() -> gradebook.rows(releases.releasesFor(student).getFirst().release(), otherTeacher))
                .isInstanceOf(NotYourClassException.class);
        assertThatThrownBy(() -> releases.release(id, classroom.getId(), null, otherTeacher)).isInstanceOf(NotYourClassException.class);
        assertThatThrownBy(() -> releases.release(id, otherClass.getId(), null, otherTeacher))
                .hasMessage("The assignment '" + id + "' is another teacher's; only they or an admin can release it.");
        assertThatThrownBy(() -> submissions.submit(classmate, id)).hasMessageContaining("There is no folder 'assignments/" + id + "'");
        homes.home(classmate).put(path("notes.txt"), "not a notebook".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> submissions.submit(classmate, id)).isInstanceOfSatisfying(AssignmentException.class,
                refused -> assertThat(refused.getMessage()).contains("there is nothing to submit"));
        assertThat(submissions.of(classmate, id)).isEmpty();
    }

    @Test
    void aLateSubmissionLosesWhatItsPolicySaysAndTheGradebookAndCsvSayIt() throws Exception {
        release(Instant.now().minus(Duration.ofHours(30)));
        waitFor(() -> homes.text(student, path("squares-python.ipynb")) != null);

        submissions.submit(student, id);
        Submission late = graded(student);

        // ps1: 10 percent per day late, 50 percent kept at least; 30 hours is two days begun.
        assertThat(late.getLateDays()).isEqualTo(2);
        assertThat(Gradebook.rawScore(late)).isEqualTo(6.0);
        assertThat(late.getScore()).isEqualTo(4.8);
        List<Gradebook.Row> rows = gradebook.rows(id, teacher);
        assertThat(rows).extracting(Gradebook.Row::student).containsExactly(classmate, student);
        assertThat(rows.get(0).latest()).isNull();
        String csv = gradebook.csv(id, teacher);
        assertThat(csv.lines().toList()).hasSize(3).first().isEqualTo(Gradebook.CSV_HEADER);
        assertThat(csv).contains("," + student + ",,,,6,1.20,4.80,10").contains("," + classmate + ",,,,,,,10");
    }

    @Test
    void aTeacherGradesTheManualCellsAndAGradingAgainKeepsTheirPoints() throws Exception {
        release(null);
        waitFor(() -> homes.text(student, path("squares-python.ipynb")) != null);
        submissions.submit(student, id);
        Submission graded = graded(student);
        assertThat(graded.getScore()).isEqualTo(6.0);

        Submission marked = gradebook.giveManualPoints(graded.getId(), "squares-python.ipynb", "sum_of_squares_equation", 1.0, " Right. ", teacher);
        assertThat(marked.getScore()).isEqualTo(7.0);
        assertThat(GradingQueue.cellsOf(marked)).filteredOn(c -> c.gradeId().equals("sum_of_squares_equation"))
                .extracting(SubmissionCell::points, SubmissionCell::comment).containsExactly(org.assertj.core.groups.Tuple.tuple(1.0, "Right."));
        assertThatThrownBy(() -> gradebook.giveManualPoints(graded.getId(), "squares-python.ipynb", "sum_of_squares_equation", 5.0, "", teacher))
                .hasMessage("5 points for sum_of_squares_equation: a number from 0 to 1, please.");
        assertThatThrownBy(() -> gradebook.giveManualPoints(graded.getId(), "squares-python.ipynb", "correct_squares", 0.0, "", teacher))
                .hasMessageContaining("is not a cell a teacher grades by hand");
        assertThatThrownBy(() -> gradebook.giveManualPoints(graded.getId(), "squares-python.ipynb", "sum_of_squares_equation", 0.0, "", otherTeacher))
                .isInstanceOf(NotYourClassException.class);

        AssignmentRelease release = releases.releasesFor(student).getFirst().release();
        assertThat(gradebook.regrade(release, teacher)).isEqualTo(1);
        waitFor(() -> submissions.latest(student, id).orElseThrow().getState() == SubmissionState.GRADED
                && submissions.latest(student, id).orElseThrow().getGradedAt().isAfter(marked.getGradedAt()));
        assertThat(submissions.latest(student, id).orElseThrow().getScore()).isEqualTo(7.0);
    }

    private String page(String path, String who, String role) throws Exception {
        return mvc.perform(get(path).with(user(who).roles(role))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theTeacherImportsReleasesAndGradesOnTheClassPagesAndTheStudentSubmitsOnTheirs() throws Exception {
        String tab = "/classes/" + classroom.getId() + "/assignments";
        homes.home(teacher).put("work/broken/assignment.yaml", "id: Bad Id\ntitle: x\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(post(tab + "/import").param("folder", "work/broken").with(user(teacher).roles("TEACHER")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("typedFolder", "work/broken"));
        mvc.perform(post(tab + "/import").param("folder", "work/ps1").with(user(teacher).roles("TEACHER")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (String url : List.of("file:///data/repositories/someone/private.git", "/data/repositories/someone/private.git")) {
            mvc.perform(post(tab + "/import-git").param("url", url).with(user(teacher).roles("TEACHER")).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("problems", List.of(
                            "'" + url + "' is not the address of a git server (https://, git:// or ssh://); the box does not clone from its own disk.")));
        }
        mvc.perform(post(tab + "/import-git").param("url", "http://127.0.0.1:9/ps1.git").with(user(teacher).roles("TEACHER")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("typedUrl", "http://127.0.0.1:9/ps1.git"));
        mvc.perform(post(tab + "/release").param("assignment", id).param("due", "2099-03-01T12:00:00+01:00")
                .with(user(teacher).roles("TEACHER")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(tab, teacher, "TEACHER")).contains("Problem set 1 - squares", "2099-03-01 11:00 UTC", "0/2");
        assertThat(page("/classes/" + classroom.getId(), teacher, "TEACHER")).contains("href=\"" + tab + "\"");

        waitFor(() -> homes.text(student, path("squares-python.ipynb")) != null);
        assertThat(page("/assignments", student, "STUDENT")).contains("Problem set 1 - squares", "~/assignments/" + id, "not submitted");
        mvc.perform(post("/assignments/" + id + "/submit").with(user(student).roles("STUDENT")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Submission graded = graded(student);
        String mine = page("/assignments/" + id, student, "STUDENT");
        assertThat(mine).contains("6 of 10 points", "correct_squares", "? / 1", "squares(11)[-1] == 121");

        AssignmentRelease release = releases.releasesFor(student).getFirst().release();
        String book = tab + "/" + release.getId();
        assertThat(page(book, teacher, "TEACHER")).contains("id=\"grade-" + student + "\"", "6 / 10", "squares-python.ipynb · correct_squares",
                "id=\"grade-" + classmate + "\"", "not submitted");
        String csv = page(book + "/grades.csv", teacher, "TEACHER");
        assertThat(csv).startsWith(Gradebook.CSV_HEADER).contains("," + student + ",,,,6,0,6,10");

        String one = book + "/submissions/" + graded.getId();
        assertThat(page(one, teacher, "TEACHER")).contains("sum_of_squares_equation", "plot_task", "name=\"points\"");
        mvc.perform(post(one + "/cells").param("notebook", "squares-python.ipynb").param("gradeId", "plot_task").param("points", "2")
                .param("comment", "A fine plot.").with(user(teacher).roles("TEACHER")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page("/assignments/" + id, student, "STUDENT")).contains("8 of 10 points", "A fine plot.");

        mvc.perform(get(one).with(user(otherTeacher).roles("TEACHER"))).andExpect(status().isForbidden());
        mvc.perform(get("/assignments/" + id).with(user(outsider).roles("STUDENT"))).andExpect(status().isNotFound());
        assertThat(page("/assignments", outsider, "STUDENT")).doesNotContain("Problem set 1");
    }

    @Test
    void thirtyStudentsSubmittingAtOnceAreEachKeptAndGraded() throws Exception {
        release(null);
        List<String> class30 = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String learner = account("asg-m" + run + "-" + i, Role.STUDENT);
            classrooms.join(learner, classroom.getJoinCode());
            homes.home(learner);
            homes.running.add(learner);
            class30.add(learner);
        }
        class30.forEach(learner -> releases.deliver(learner));

        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.range(0, 30).forEach(i -> pool.submit(() -> submissions.submit(class30.get(i), id)));
        }
        for (String learner : class30) {
            assertThat(graded(learner).getScore()).as(learner).isEqualTo(6.0);
            assertThat(submissions.of(learner, id)).hasSize(1);
        }
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor csrf() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
    }
}
