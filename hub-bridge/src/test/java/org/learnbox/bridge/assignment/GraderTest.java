package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.learnbox.bridge.assignment.NotebookFixture.JSON;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** From what the runner saw to points: nbgrader's rule, cells gone from a submission, and reports that do not fit refused. */
class GraderTest {
    static NotebookGrading python;
    static NotebookGrading java;
    static byte[] pythonRelease;
    static byte[] javaRelease;

    @BeforeAll
    static void read() {
        AssignmentSource ps1 = AssignmentSource.open(NotebookFixture.PS1);
        python = ps1.grading().get("squares-python.ipynb");
        java = ps1.grading().get("squares-java.ipynb");
        pythonRelease = ps1.release().get("squares-python.ipynb");
        javaRelease = ps1.release().get("squares-java.ipynb");
    }

    /** A runner that reports every code cell of what it is given, each ok unless its grade_id is in {@code statuses}. */
    static final class FakeRuntime implements GradingRuntime {
        final Map<String, String> statuses = new HashMap<>();
        UnaryOperator<ObjectNode> forge = UnaryOperator.identity();
        byte[] given;
        NotebookLanguage language;

        FakeRuntime with(String gradeId, String status) {
            statuses.put(gradeId, status);
            return this;
        }

        @Override
        public RawGrading grade(byte[] prepared, Map<String, byte[]> files, NotebookLanguage language, GradingLimits limits) {
            this.given = prepared;
            this.language = language;
            return new RawGrading(JSON.writeValueAsBytes(forge.apply(report(prepared, statuses))), prepared, false);
        }
    }

    static ObjectNode report(byte[] prepared, Map<String, String> statuses) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("format", "learnbox-grade/1");
        result.put("kernel", "python3");
        result.put("kernel_started", true);
        ArrayNode cells = result.putArray("cells");
        int number = 0;
        for (JsonNode cell : JSON.readTree(prepared).get("cells")) {
            number++;
            if (!cell.path("cell_type").asString("").equals("code")) continue;
            ObjectNode entry = cells.addObject();
            entry.put("cell", number);
            String gradeId = cell.path("metadata").path("nbgrader").path("grade_id").asString("");
            if (!gradeId.isEmpty()) entry.put("grade_id", gradeId);
            String status = statuses.getOrDefault(gradeId, "ok");
            entry.put("status", status);
            if (status.equals("error")) {
                entry.put("ename", "AssertionError");
                entry.put("evalue", "squares(0) did not raise a ValueError");
                entry.put("traceback", "Traceback ...");
            }
        }
        return result;
    }

    @Test
    void everyTestCellThatRanWithoutAnErrorEarnsItsPointsAndManualCellsAwaitTheTeacher() {
        FakeRuntime runtime = new FakeRuntime();
        GradedNotebook graded = new Grader(runtime).grade(python, pythonRelease);

        assertThat(runtime.language).isEqualTo(NotebookLanguage.PYTHON);
        assertThat(new String(runtime.given, StandardCharsets.UTF_8)).as("hidden tests back in").contains("squares(11)[-1] == 121");
        assertThat(graded.cells()).containsExactly(
                new CellGrade("correct_squares", CellKind.AUTOGRADER_TESTS, 1, 1.0, CellStatus.OK, ""),
                new CellGrade("squares_invalid_input", CellKind.AUTOGRADER_TESTS, 1, 1.0, CellStatus.OK, ""),
                new CellGrade("correct_sum_of_squares", CellKind.AUTOGRADER_TESTS, 1, 1.0, CellStatus.OK, ""),
                new CellGrade("sum_of_squares_equation", CellKind.MANUAL_ANSWER, 1, null, CellStatus.NOT_CODE, ""),
                new CellGrade("plot_task", CellKind.MANUAL_TASK, 2, null, CellStatus.NOT_CODE, ""));
        assertThat(graded.score()).isEqualTo(3.0);
        assertThat(graded.maxScore()).isEqualTo(6.0);
        assertThat(graded.awaitsTeacher()).isTrue();
        assertThat(graded.gradedNotebook()).isEqualTo(runtime.given);
    }

    @Test
    void anErrorATimeoutOrACellNotRunEarnsNothingAndTheErrorIsKept() {
        FakeRuntime runtime = new FakeRuntime().with("correct_squares", "error").with("squares_invalid_input", "timeout")
                .with("correct_sum_of_squares", "not-run");
        GradedNotebook graded = new Grader(runtime).grade(python, pythonRelease);

        assertThat(graded.cells()).extracting(CellGrade::points).containsExactly(0.0, 0.0, 0.0, null, null);
        assertThat(graded.cells()).extracting(CellGrade::status)
                .containsExactly(CellStatus.ERROR, CellStatus.TIMEOUT, CellStatus.NOT_RUN, CellStatus.NOT_CODE, CellStatus.NOT_CODE);
        assertThat(graded.cells().getFirst().error()).isEqualTo("AssertionError: squares(0) did not raise a ValueError");
        assertThat(graded.score()).isZero();
    }

    @Test
    void aTestCellDeletedFromTheSubmissionEarnsNothingAndTheOthersStillCount() {
        ObjectNode submission = (ObjectNode) JSON.readTree(javaRelease);
        ArrayNode cells = (ArrayNode) submission.get("cells");
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (cells.get(i).path("metadata").path("nbgrader").path("grade_id").asString("").equals("correct_squares")) cells.remove(i);
        }
        FakeRuntime runtime = new FakeRuntime();
        GradedNotebook graded = new Grader(runtime).grade(java, JSON.writeValueAsBytes(submission));

        assertThat(runtime.language).isEqualTo(NotebookLanguage.JAVA);
        assertThat(graded.cells()).containsExactly(
                new CellGrade("correct_squares", CellKind.AUTOGRADER_TESTS, 2, 0.0, CellStatus.MISSING, ""),
                new CellGrade("correct_sum_of_squares", CellKind.AUTOGRADER_TESTS, 1, 1.0, CellStatus.OK, ""),
                new CellGrade("overflow_answer", CellKind.MANUAL_ANSWER, 1, null, CellStatus.NOT_CODE, ""));
        assertThat(graded.score()).isEqualTo(1.0);
        assertThat(graded.maxScore()).isEqualTo(4.0);
    }

    @Test
    void aTestCellCopiedUnderAnotherCellsNameCountsOnce() {
        ObjectNode submission = (ObjectNode) JSON.readTree(pythonRelease);
        ArrayNode cells = (ArrayNode) submission.get("cells");
        JsonNode copy = cells.get(3).deepCopy(); // correct_squares, once more at the end
        cells.add(copy);
        FakeRuntime runtime = new FakeRuntime();
        GradedNotebook graded = new Grader(runtime).grade(python, JSON.writeValueAsBytes(submission));

        assertThat(graded.score()).isEqualTo(3.0);
        assertThat(graded.cells()).hasSize(5);
    }

    @Test
    void aReportThatDoesNotFitTheNotebookIsRefusedInWordsAndGivesNoPoints() {
        assertRefused(report -> status(report, 0, "passed"), "grading-result-invalid", "cell 3 status");
        assertRefused(report -> {
            ((ObjectNode) report.get("cells").get(1)).put("cell", 2); // a markdown cell
            return report;
        }, "grading-result-invalid", "cell 2");
        assertRefused(report -> {
            ((ArrayNode) report.get("cells")).add(report.get("cells").get(1).deepCopy());
            return report;
        }, "grading-result-invalid", "cell 4 twice");
        assertRefused(report -> {
            ((ArrayNode) report.get("cells")).remove(2);
            return report;
        }, "grading-result-invalid", "cell 5 missing");
        assertRefused(report -> {
            ((ObjectNode) report.get("cells").get(0)).put("grade_id", "correct_squares"); // the answer claims to be the test
            return report;
        }, "grading-result-invalid", "cell 3 grade_id");
        assertRefused(report -> {
            ((ObjectNode) report.get("cells").get(1)).putObject("cell");
            return report;
        }, "grading-result-invalid", "cell ?");
        assertRefused(report -> report.put("format", "nbgrader"), "grading-result-invalid", "format");
        assertRefused(report -> report.put("kernel_started", false), "grading-kernel-not-started", "squares-python.ipynb");
        assertRefused(report -> {
            report.putObject("cells");
            return report;
        }, "grading-result-invalid", "(cells)");
    }

    @Test
    void aResultThatIsNotJsonOrTooLargeOrMissingIsRefused() {
        assertRefusedRaw(new GradingRuntime.RawGrading("{\"format\": ".getBytes(StandardCharsets.UTF_8), pythonRelease, false),
                "grading-result-invalid", "(json)");
        assertRefusedRaw(new GradingRuntime.RawGrading(new byte[Grader.MAX_RESULT_BYTES + 1], pythonRelease, false),
                "grading-result-invalid", "(size)");
        assertRefusedRaw(new GradingRuntime.RawGrading(null, null, false), "grading-no-result", "ended without a result");
        assertRefusedRaw(new GradingRuntime.RawGrading(null, null, true), "grading-out-of-time", "ran past the time");
    }

    private static ObjectNode status(ObjectNode report, int entry, String status) {
        ((ObjectNode) report.get("cells").get(entry)).put("status", status);
        return report;
    }

    private static void assertRefused(UnaryOperator<ObjectNode> forge, String key, String words) {
        FakeRuntime runtime = new FakeRuntime();
        runtime.forge = forge;
        assertThatThrownBy(() -> new Grader(runtime).grade(python, pythonRelease))
                .isInstanceOfSatisfying(AssignmentException.class, refused -> {
                    assertThat(refused.problems()).extracting(AssignmentProblem::key).containsExactly(AssignmentProblem.PREFIX + key);
                    assertThat(refused.getMessage()).contains("squares-python.ipynb").contains(words).contains("no points");
                });
    }

    private static void assertRefusedRaw(GradingRuntime.RawGrading raw, String key, String words) {
        GradingRuntime runtime = (prepared, files, language, limits) -> raw;
        assertThatThrownBy(() -> new Grader(runtime).grade(python, pythonRelease))
                .isInstanceOfSatisfying(AssignmentException.class, refused -> {
                    assertThat(refused.problems()).extracting(AssignmentProblem::key).containsExactly(AssignmentProblem.PREFIX + key);
                    assertThat(refused.getMessage()).contains("squares-python.ipynb").contains(words);
                });
    }
}
