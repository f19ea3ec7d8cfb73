package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.learnbox.bridge.assignment.NotebookFixture.JSON;
import static org.learnbox.bridge.assignment.NotebookFixture.cells;
import static org.learnbox.bridge.assignment.NotebookFixture.source;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What a grader learns from the example assignment: each graded cell and its points, the hidden tests, and a submission made ready. */
class NotebookGradingTest {
    static AssignmentSource ps1;
    static Map<String, NotebookGrading> grading;
    static NotebookGrading python;
    static NotebookGrading java;

    @BeforeAll
    static void read() {
        ps1 = AssignmentSource.open(NotebookFixture.PS1);
        grading = ps1.grading();
        python = grading.get("squares-python.ipynb");
        java = grading.get("squares-java.ipynb");
    }

    @Test
    void everyGradedCellIsKnownWithItsKindPointsAndPlaceAndThePointsAddUp() {
        assertThat(python.gradedCells()).containsExactly(
                new GradedCell("correct_squares", CellKind.AUTOGRADER_TESTS, 1, 4),
                new GradedCell("squares_invalid_input", CellKind.AUTOGRADER_TESTS, 1, 5),
                new GradedCell("correct_sum_of_squares", CellKind.AUTOGRADER_TESTS, 1, 8),
                new GradedCell("sum_of_squares_equation", CellKind.MANUAL_ANSWER, 1, 10),
                new GradedCell("plot_task", CellKind.MANUAL_TASK, 2, 11));
        assertThat(java.gradedCells()).extracting(GradedCell::gradeId)
                .containsExactly("correct_squares", "correct_sum_of_squares", "overflow_answer");
        assertThat(python.totalPoints()).isEqualTo(6);
        assertThat(python.autogradedPoints()).isEqualTo(3);
        assertThat(java.totalPoints()).isEqualTo(4);
        assertThat(java.autogradedPoints()).isEqualTo(3);
        assertThat(ps1.totalPoints()).isEqualTo(10).isEqualTo(ps1.manifest().points());
    }

    @Test
    void theHiddenTestsAreKeptAsideByGradeId() {
        assertThat(python.hiddenTests("correct_squares")).containsExactly(
                "assert squares(10) == [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]\nassert squares(11)[-1] == 121");
        assertThat(python.hiddenTests("correct_sum_of_squares")).containsExactly("assert sum_of_squares(10) == 385");
        assertThat(java.hiddenTests("correct_squares")).containsExactly("check(squares(10)[9] == 100, \"squares(10)\");");
        assertThat(python.hiddenTests("squares_invalid_input")).isEmpty();
    }

    @Test
    void aTestCellIsGradedWholeVisibleAndHiddenWithoutMarkers() {
        assertThat(python.gradedSource("correct_squares")).contains("""
                \"""squares gives the right list\"""
                assert squares(1) == [1]
                assert squares(2) == [1, 4]
                assert squares(10) == [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]
                assert squares(11)[-1] == 121""");
        assertThat(python.gradedSource("squares")).as("an answer is the student's").isEmpty();
        // The mark scheme is for the teacher, never put back into the notebook that goes back to the student.
        assertThat(python.markScheme("plot_task")).containsExactly("One point for the plot, one for both labels.");
        assertThat(python.gradedSource("plot_task").orElseThrow()).doesNotContain("MARK SCHEME", "One point");
    }

    @Test
    void aSubmissionGetsItsHiddenTestsBackAndTheTeachersTestsAndHelpers() {
        JsonNode submission = JSON.readTree(ps1.release().get("squares-java.ipynb"));
        ArrayNode cells = (ArrayNode) submission.get("cells");
        SourceNotebook.setSource((ObjectNode) cells.get(1), "void check(boolean passed, String what) {}");
        SourceNotebook.setSource((ObjectNode) cells.get(2), "int[] squares(int n) { return new int[] {1, 4, 9}; }");
        SourceNotebook.setSource((ObjectNode) cells.get(3), "// all passed");

        NotebookGrading.Prepared prepared = java.prepare(JSON.writeValueAsBytes(submission));
        JsonNode graded = cells(prepared.notebook());
        assertThat(source(graded.get(1))).as("the helper").startsWith("void check(boolean passed, String what) {\n    if (!passed)");
        assertThat(source(graded.get(2))).as("the answer stays the student's").isEqualTo("int[] squares(int n) { return new int[] {1, 4, 9}; }");
        assertThat(source(graded.get(3))).isEqualTo("""
                check(java.util.Arrays.equals(squares(1), new int[] {1}), "squares(1)");
                check(java.util.Arrays.equals(squares(3), new int[] {1, 4, 9}), "squares(3)");
                check(squares(10)[9] == 100, "squares(10)");""");
        assertThat(prepared.missing()).isEmpty();
    }

    @Test
    void aDeletedTestCellIsNamedMissingAndMadeUpPointsCountForNothing() {
        ObjectNode submission = (ObjectNode) JSON.readTree(ps1.release().get("squares-python.ipynb"));
        ArrayNode cells = (ArrayNode) submission.get("cells");
        cells.remove(7);
        ((ObjectNode) cells.get(3).get("metadata").get("nbgrader")).put("points", 100);
        ObjectNode copied = (ObjectNode) cells.get(3).deepCopy();
        cells.add(copied);
        ObjectNode invented = (ObjectNode) cells.get(10).deepCopy();
        ((ObjectNode) invented.get("metadata")).putObject("nbgrader").put("grade", true).put("grade_id", "bonus").put("points", 50);
        cells.add(invented);

        NotebookGrading.Prepared prepared = python.prepare(JSON.writeValueAsBytes(submission));
        JsonNode graded = cells(prepared.notebook());
        assertThat(prepared.missing()).containsExactly("correct_sum_of_squares");
        assertThat(graded.get(3).get("metadata").get("nbgrader").get("points").asDouble()).isEqualTo(1);
        assertThat(graded.get(graded.size() - 2).get("metadata").has("nbgrader")).as("a copied test cell").isFalse();
        assertThat(graded.get(graded.size() - 1).get("metadata").has("nbgrader")).as("an invented graded cell").isFalse();
    }

    @Test
    void aSubmissionThatIsNotANotebookOrTooLargeIsRefused() {
        assertThatThrownBy(() -> python.prepare("print('hi')".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AssignmentException.class).hasMessageStartingWith("squares-python.ipynb is not a notebook");
        assertThatThrownBy(() -> python.prepare(new byte[AssignmentSource.MAX_NOTEBOOK_BYTES + 1]))
                .isInstanceOf(AssignmentException.class).hasMessage("squares-python.ipynb is larger than 2048 KiB.");
    }
}
