package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.learnbox.bridge.assignment.NotebookFixture.keys;
import static org.learnbox.bridge.assignment.NotebookFixture.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assignment.yaml and the folder around it: what makes an assignment, and the words a teacher reads when it is refused. */
class AssignmentSourceTest {
    private static final String NOTEBOOK = new String(NotebookFixture.python().answer("a", "### BEGIN SOLUTION\nx = 1\n### END SOLUTION")
            .tests("t", 1, "assert x == 1").bytes(), StandardCharsets.UTF_8);

    @TempDir Path dir;

    @Test
    void theExampleAssignmentIsReadWhole() {
        AssignmentSource ps1 = AssignmentSource.open(NotebookFixture.PS1);
        AssignmentManifest manifest = ps1.manifest();
        assertThat(manifest.id()).isEqualTo("ps1");
        assertThat(manifest.title()).isEqualTo("Problem set 1 - squares");
        assertThat(manifest.due()).isEqualTo(Instant.parse("2027-01-15T15:59:00Z"));
        assertThat(manifest.late()).isEqualTo(new LatePolicy.Penalty(10, 50));
        assertThat(manifest.points()).isEqualTo(10.0);
        assertThat(ps1.notebooks()).extracting(SourceNotebook::language).containsExactly(NotebookLanguage.PYTHON, NotebookLanguage.JAVA);
        assertThat(AssignmentSource.problems(NotebookFixture.PS1)).isEmpty();
    }

    @Test
    void withoutDueLateNotebooksAndPointsTheFolderNotebooksAreFoundAndLateWorkAccepted() throws Exception {
        write(dir.resolve("assignment.yaml"), "id: hw-2\ntitle: Homework 2\n");
        write(dir.resolve("b.ipynb"), NOTEBOOK);
        write(dir.resolve("part/a.ipynb"), NOTEBOOK);
        write(dir.resolve(".ipynb_checkpoints/b-checkpoint.ipynb"), "not even JSON");
        write(dir.resolve(".hidden.ipynb"), "not even JSON");
        write(dir.resolve("data.csv"), "x,y");
        AssignmentSource source = AssignmentSource.open(dir);
        assertThat(source.notebooks()).extracting(SourceNotebook::name).containsExactly("b.ipynb", "part/a.ipynb");
        assertThat(source.manifest().due()).isNull();
        assertThat(source.manifest().late()).isEqualTo(LatePolicy.ACCEPT);
        assertThat(source.totalPoints()).isEqualTo(2);
        assertThat(source.files()).containsOnlyKeys("data.csv");
        assertThat(source.release()).containsKeys("b.ipynb", "part/a.ipynb", "data.csv").doesNotContainKey("assignment.yaml");
        assertThat(new String(source.release().get("data.csv"), StandardCharsets.UTF_8)).isEqualTo("x,y");
    }

    @Test
    void theFilesBesideTheNotebooksGoOutWithThemAndEachNotebookIsGradedWithThoseOfItsFolder() throws Exception {
        write(dir.resolve("assignment.yaml"), "id: hw-3\ntitle: Homework 3\nnotebooks: [a.ipynb, week2/b.ipynb]\n");
        write(dir.resolve("a.ipynb"), NOTEBOOK);
        write(dir.resolve("week2/b.ipynb"), NOTEBOOK);
        write(dir.resolve("teachers-own.ipynb"), "{\"the answers\": 42}");
        write(dir.resolve("data/scores.csv"), "ada,5");
        write(dir.resolve("week2/words.txt"), "hello");
        AssignmentSource source = AssignmentSource.open(dir);

        assertThat(source.release()).containsOnlyKeys("a.ipynb", "week2/b.ipynb", "data/scores.csv", "week2/words.txt");
        assertThat(source.grading().get("a.ipynb").files()).containsOnlyKeys("data/scores.csv", "week2/words.txt");
        assertThat(source.grading().get("week2/b.ipynb").files()).containsOnlyKeys("words.txt");
    }

    @Test
    void moreThanAHundredOtherFilesOrMoreThanTwentyMebibytesOfThemAreRefused() throws Exception {
        write(dir.resolve("assignment.yaml"), "id: hw\ntitle: Homework\n");
        write(dir.resolve("a.ipynb"), NOTEBOOK);
        for (int i = 0; i <= AssignmentSource.MAX_FILES; i++) write(dir.resolve("data/" + i + ".csv"), "1");
        assertThat(AssignmentSource.problems(dir)).extracting(AssignmentProblem::toString).containsExactly(
                "An assignment hands out at most 100 files beside its notebooks; this folder has more. Remove what students do not need.");
        try (var data = Files.list(dir.resolve("data"))) {
            for (Path file : data.toList()) Files.delete(file);
        }
        Files.write(dir.resolve("data/a.bin"), new byte[AssignmentSource.MAX_FILES_BYTES / 2]);
        Files.write(dir.resolve("data/b.bin"), new byte[AssignmentSource.MAX_FILES_BYTES / 2 + 1]);
        assertThat(AssignmentSource.problems(dir)).extracting(AssignmentProblem::toString).containsExactly(
                "The files beside the notebooks may weigh 20 MiB in all; with data/b.bin they weigh more. Remove what students do not need.");
    }

    @Test
    void aFolderWithoutAssignmentYamlOrWithOneThatIsNotYamlIsRefused() throws Exception {
        assertThatThrownBy(() -> AssignmentSource.open(dir)).isInstanceOf(AssignmentException.class)
                .hasMessage("This folder is not an assignment: it has no assignment.yaml in its top folder.")
                .satisfies(e -> assertThat(((AssignmentException) e).getCodes()).containsExactly("assignment.refused.yaml-missing"));
        write(dir.resolve("assignment.yaml"), "id: [unclosed\n");
        assertThat(problemKeys()).containsExactly("yaml-invalid");
        write(dir.resolve("assignment.yaml"), "- just\n- a list\n");
        assertThat(problemKeys()).containsExactly("yaml-not-map");
    }

    @Test
    void everyMissingOrWrongFieldIsNamedAtOnce() throws Exception {
        write(dir.resolve("assignment.yaml"), "id: Bad Id!\ndue: next friday\nlate: whenever\npoints: -3\ndew: 2027-01-01\nscore: never\n");
        write(dir.resolve("a.ipynb"), NOTEBOOK);
        List<AssignmentProblem> problems = AssignmentSource.problems(dir);
        assertThat(keys(problems)).containsExactly("field-unknown", "id-invalid", "field-missing", "due-invalid", "late-invalid",
                "points-invalid", "score-invalid");
        assertThat(problems).extracting(AssignmentProblem::toString).containsExactly(
                "assignment.yaml has 'dew', which is not one of id, title, due, late, points, notebooks and score.",
                "The id 'Bad Id!' must be 2-64 lowercase letters, digits or '-', starting with a letter or digit.",
                "assignment.yaml needs 'title'.",
                "The due date 'next friday' must be an ISO date and time with its offset, such as 2027-01-15T23:59:00+08:00.",
                "The late policy 'whenever' must be accept, refuse, or a penalty such as: late: {penalty: 10, floor: 50}"
                        + " (percent lost per day late, percent kept at least).",
                "The points in assignment.yaml must be a number of 0 or more, not '-3'.",
                "The score setting 'never' must be at-once (students see their score when graded) or after-due (once the due date has passed).");
    }

    @Test
    void aDueDateWithoutItsOffsetIsRefusedAndTheLatePoliciesAreReadFromTheirWords() throws Exception {
        write(dir.resolve("assignment.yaml"), "id: hw\ntitle: Homework\ndue: 2027-01-15T23:59:00\n");
        write(dir.resolve("a.ipynb"), NOTEBOOK);
        assertThat(problemKeys()).containsExactly("due-invalid");
        for (String late : List.of("accept", "refuse", "{penalty: 25, floor: 0}", "{penalty: 10}", "{penalty: 120, floor: 50}")) {
            write(dir.resolve("assignment.yaml"), "id: hw\ntitle: Homework\nlate: " + late + "\n");
            List<AssignmentProblem> problems = new ArrayList<>();
            AssignmentManifest manifest = AssignmentManifest.parse(Files.readAllBytes(dir.resolve("assignment.yaml")), problems);
            switch (late) {
                case "accept" -> assertThat(manifest.late()).isEqualTo(LatePolicy.ACCEPT);
                case "refuse" -> assertThat(manifest.late()).isEqualTo(LatePolicy.REFUSE);
                case "{penalty: 25, floor: 0}" -> assertThat(manifest.late()).isEqualTo(new LatePolicy.Penalty(25, 0));
                default -> assertThat(keys(problems)).as(late).containsExactly("late-invalid");
            }
        }
    }

    @Test
    void aFolderWithoutNotebooksIsRefused() throws Exception {
        write(dir.resolve("assignment.yaml"), "id: hw\ntitle: Homework\n");
        write(dir.resolve("README.md"), "nothing to do");
        assertThat(problemKeys()).containsExactly("no-notebooks");
    }

    @Test
    void aPathOrALinkThatLeadsOutOfTheFolderIsRefused() throws Exception {
        Path assignment = dir.resolve("hw");
        write(dir.resolve("outside.ipynb"), NOTEBOOK);
        write(assignment.resolve("assignment.yaml"),
                "id: hw\ntitle: Homework\nnotebooks: [../outside.ipynb, /etc/passwd.ipynb, a/../../outside.ipynb]\n");
        List<AssignmentProblem> problems = AssignmentSource.problems(assignment);
        assertThat(keys(problems)).containsExactly("path-escapes", "path-escapes", "path-escapes");
        assertThat(problems.getFirst()).hasToString(
                "The path '../outside.ipynb' leads out of the assignment's folder; a notebook must be inside it.");
        // A link to a notebook, or to a folder, elsewhere.
        write(dir.resolve("elsewhere/secret.ipynb"), NOTEBOOK);
        write(assignment.resolve("assignment.yaml"), "id: hw\ntitle: Homework\nnotebooks: [linked.ipynb, through/secret.ipynb]\n");
        Files.createSymbolicLink(assignment.resolve("linked.ipynb"), dir.resolve("elsewhere/secret.ipynb"));
        Files.createSymbolicLink(assignment.resolve("through"), dir.resolve("elsewhere"));
        assertThat(keys(AssignmentSource.problems(assignment))).containsExactly("file-link", "notebook-link", "path-escapes");
        write(assignment.resolve("assignment.yaml"), "id: hw\ntitle: Homework\n");
        assertThat(AssignmentSource.problems(assignment)).as("found, not listed: the linked folder is not followed")
                .extracting(AssignmentProblem::toString).containsExactlyInAnyOrder("linked.ipynb is a link; an assignment's notebooks must be files in its folder.",
                        "through is a link; an assignment's files must be files in its folder.");
    }

    @Test
    void aListedNotebookThatIsMissingOrListedTwiceIsNamed() throws Exception {
        write(dir.resolve("assignment.yaml"), "id: hw\ntitle: Homework\nnotebooks: [a.ipynb, gone.ipynb, a.ipynb, ./a.ipynb]\n");
        write(dir.resolve("a.ipynb"), NOTEBOOK);
        List<AssignmentProblem> problems = AssignmentSource.problems(dir);
        assertThat(keys(problems)).containsExactly("notebook-listed-twice", "notebook-missing", "notebook-listed-twice");
        assertThat(problems.get(1)).hasToString("gone.ipynb is listed in assignment.yaml but is not there.");
    }

    @Test
    void moreThanFiftyNotebooksOrOneOfMoreThanTwoMebibytesAreRefusedUnread() throws Exception {
        write(dir.resolve("assignment.yaml"), "id: hw\ntitle: Homework\n");
        for (int i = 0; i <= AssignmentSource.MAX_NOTEBOOKS; i++) write(dir.resolve("nb-" + i + ".ipynb"), "never read");
        assertThat(problemKeys()).containsExactly("too-many-notebooks");
        try (var notebooks = Files.list(dir)) {
            for (Path notebook : notebooks.filter(file -> file.toString().endsWith(".ipynb")).toList()) Files.delete(notebook);
        }
        Files.write(dir.resolve("big.ipynb"), new byte[AssignmentSource.MAX_NOTEBOOK_BYTES + 1]);
        write(dir.resolve("small.ipynb"), NOTEBOOK);
        List<AssignmentProblem> problems = AssignmentSource.problems(dir);
        assertThat(keys(problems)).containsExactly("file-too-large");
        assertThat(problems.getFirst()).hasToString("big.ipynb is larger than 2048 KiB.");
    }

    @Test
    void pointsThatDisagreeWithTheNotebooksAreNamed() throws Exception {
        write(dir.resolve("assignment.yaml"), "id: hw\ntitle: Homework\npoints: 5\n");
        write(dir.resolve("a.ipynb"), NOTEBOOK);
        List<AssignmentProblem> problems = AssignmentSource.problems(dir);
        assertThat(problems).extracting(AssignmentProblem::toString)
                .containsExactly("assignment.yaml says 5 points, but the graded cells of its notebooks give 1.");
    }

    @Test
    void theProblemsOfEveryNotebookAreNamedTogether() throws Exception {
        write(dir.resolve("assignment.yaml"), "id: hw\ntitle: Homework\n");
        write(dir.resolve("a.ipynb"), new String(NotebookFixture.python().tests("t", null, "assert True").bytes()));
        write(dir.resolve("b.ipynb"), "{\"nbformat\": 3}");
        AssignmentException refused = (AssignmentException) catchThrowable(() -> AssignmentSource.open(dir));
        assertThat(keys(refused.problems())).containsExactly("points-missing", "notebook-not-v4");
        assertThat(refused.getCodes()).containsExactly("assignment.refused.several");
        assertThat(refused.getMessage()).isEqualTo("The assignment has 2 problems: a.ipynb, cell 1: a graded cell needs points."
                + " b.ipynb is not an nbformat 4 notebook.");
    }

    private List<String> problemKeys() {
        return keys(AssignmentSource.problems(dir));
    }
}
