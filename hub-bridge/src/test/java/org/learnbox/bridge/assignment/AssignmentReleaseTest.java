package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learnbox.bridge.assignment.NotebookFixture.JSON;
import static org.learnbox.bridge.assignment.NotebookFixture.cells;
import static org.learnbox.bridge.assignment.NotebookFixture.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What students get of the example assignment: the solutions, hidden tests and mark schemes gone, the rest as it was. */
class AssignmentReleaseTest {
    static AssignmentSource ps1;
    static Map<String, byte[]> release;
    static JsonNode python;
    static JsonNode java;

    @BeforeAll
    static void release() {
        ps1 = AssignmentSource.open(NotebookFixture.PS1);
        release = ps1.release();
        python = cells(release.get("squares-python.ipynb"));
        java = cells(release.get("squares-java.ipynb"));
    }

    @Test
    void aPythonSolutionRegionBecomesTheStubAtTheIndentationOfItsMarker() {
        assertThat(source(python.get(2))).isEqualTo("""
                def squares(n):
                    \"""The squares of the numbers from 1 to n.\"""
                    # YOUR CODE HERE
                    raise NotImplementedError()""");
    }

    @Test
    void aSolutionCellWithoutMarkersBecomesTheStubWhole() {
        assertThat(source(python.get(6))).isEqualTo("# YOUR CODE HERE\nraise NotImplementedError()");
    }

    @Test
    void aJavaSolutionRegionBecomesTheJavaStubInsideItsMethod() {
        assertThat(source(java.get(2))).isEqualTo("""
                int[] squares(int n) {
                    // YOUR CODE HERE
                    throw new UnsupportedOperationException();
                }""");
        assertThat(source(java.get(4))).isEqualTo("""
                int sumOfSquares(int n) {
                    // YOUR CODE HERE
                    throw new UnsupportedOperationException();
                }""");
    }

    @Test
    void hiddenTestsGoAndTheVisibleTestsStayAsWritten() throws Exception {
        assertThat(source(python.get(3))).isEqualTo("""
                \"""squares gives the right list\"""
                assert squares(1) == [1]
                assert squares(2) == [1, 4]""");
        assertThat(source(java.get(3))).isEqualTo("""
                check(java.util.Arrays.equals(squares(1), new int[] {1}), "squares(1)");
                check(java.util.Arrays.equals(squares(3), new int[] {1, 4, 9}), "squares(3)");""");
        JsonNode source = cells(Files.readAllBytes(NotebookFixture.PS1.resolve("squares-python.ipynb")));
        for (int cell : new int[] {0, 4, 5, 8}) assertThat(source(python.get(cell))).isEqualTo(source(source.get(cell)));
        assertThat(source(java.get(1))).startsWith("void check(boolean passed, String what) {");
    }

    @Test
    void aWrittenAnswerBecomesYourAnswerHereAndAMarkSchemeGoes() {
        assertThat(source(python.get(9))).isEqualTo("YOUR ANSWER HERE");
        assertThat(source(java.get(7))).isEqualTo("YOUR ANSWER HERE");
        assertThat(source(python.get(10))).isEqualTo("""
                ## Part D (2 points)

                In new cells below, plot the squares of 1 to 10 with both axes labelled.
                """);
        byte[] both = ReleaseStep.release(NotebookFixture.python()
                .manual("essay", 2, "### BEGIN SOLUTION\nThe answer.\n### END SOLUTION\n### BEGIN MARK SCHEME\nGive 2 for it.\n### END MARK SCHEME")
                .read());
        assertThat(source(cells(both).get(0))).as("a solution and a mark scheme in one answer").isEqualTo("YOUR ANSWER HERE");
    }

    @Test
    void outputsAndExecutionCountsAreCleared() {
        for (JsonNode notebook : new JsonNode[] {python, java}) {
            for (JsonNode cell : notebook) {
                if (!cell.get("cell_type").asString().equals("code")) continue;
                assertThat(cell.get("outputs").isArray() && cell.get("outputs").isEmpty()).as(cell.get("id").asString()).isTrue();
                assertThat(cell.get("execution_count").isNull()).isTrue();
            }
        }
    }

    @Test
    void lockedCellsCanBeNeitherChangedNorDeletedAndSolutionCellsNotDeleted() {
        for (int locked : new int[] {1, 3, 4, 7, 10}) {
            JsonNode metadata = python.get(locked).get("metadata");
            assertThat(metadata.get("editable").asBoolean(true)).as("cell %d", locked + 1).isFalse();
            assertThat(metadata.get("deletable").asBoolean(true)).as("cell %d", locked + 1).isFalse();
        }
        for (int solution : new int[] {2, 6, 9}) {
            JsonNode metadata = python.get(solution).get("metadata");
            assertThat(metadata.get("deletable").asBoolean(true)).isFalse();
            assertThat(metadata.has("editable")).isFalse();
        }
        assertThat(python.get(0).get("metadata").has("deletable")).as("an ordinary cell").isFalse();
        assertThat(java.get(1).get("metadata").get("editable").asBoolean(true)).as("the Java helper").isFalse();
        // nbgrader's metadata stays, so that a submission is matched back cell by cell.
        assertThat(python.get(3).get("metadata").get("nbgrader").get("grade_id").asString()).isEqualTo("correct_squares");
        assertThat(python.get(3).get("metadata").get("nbgrader").get("points").asDouble()).isEqualTo(1);
        assertThat(java.get(2).get("metadata").get("nbgrader").get("solution").asBoolean()).isTrue();
    }

    @Test
    void nothingOfASolutionHiddenTestOrMarkSchemeIsLeftInAnyReleasedFile() {
        for (byte[] notebook : release.values()) {
            assertThat(new String(notebook, StandardCharsets.UTF_8)).doesNotContain("SOLUTION", "HIDDEN", "MARK SCHEME",
                    "range(1, n + 1)", "sum(squares(n))", "squares(10)", "385", "One point for the plot", "46341", "frac{n(n+1)",
                    "result[i - 1]", "Arrays.stream", "\"defined\\n\"");
        }
    }

    @Test
    void fieldsTheBoxDoesNotKnowAndTheFormOfSourcesAreKept() throws Exception {
        JsonNode notebook = JSON.readTree(release.get("squares-python.ipynb"));
        assertThat(notebook.get("metadata").get("x-school").toString()).isEqualTo("{\"course\":\"CS1\",\"weights\":[1,2.5,true,null]}");
        assertThat(notebook.get("metadata").get("celltoolbar").asString()).isEqualTo("Create Assignment");
        assertThat(notebook.get("metadata").get("language_info").get("codemirror_mode").get("version").asInt()).isEqualTo(3);
        assertThat(notebook.get("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(python.get(0).get("attachments").get("logo.png").get("image/png").asString()).isEqualTo("iVBORw0KGgo=");
        assertThat(python.get(2).get("metadata").get("tags").toString()).isEqualTo("[\"answer\"]");
        assertThat(python.get(2).get("metadata").get("collapsed").isBoolean()).isTrue();
        assertThat(python.get(2).get("id").asString()).isEqualTo("squares");
        JsonNode source = cells(Files.readAllBytes(NotebookFixture.PS1.resolve("squares-python.ipynb")));
        assertThat(python.get(0)).as("a cell no step changes").isEqualTo(source.get(0));
        assertThat(python.get(5)).isEqualTo(source.get(5));
        // A source keeps its form: a list of lines, or one string.
        assertThat(python.get(2).get("source").isArray()).isTrue();
        assertThat(python.get(2).get("source").get(2).asString()).isEqualTo("    # YOUR CODE HERE\n");
        byte[] released = ReleaseStep.release(NotebookFixture.python().answer("a", "x = 1").read());
        assertThat(cells(released).get(0).get("source").isString()).isTrue();
    }

    @Test
    void releasingLeavesTheSourceAsItWas() {
        ps1.release();
        String squares = ps1.notebooks().getFirst().cells().get(2).source();
        assertThat(squares).contains("### BEGIN SOLUTION");
        assertThat(new String(ps1.notebooks().getFirst().toBytes(), StandardCharsets.UTF_8)).contains("### BEGIN HIDDEN TESTS");
    }

    @Test
    void theReleaseIsWrittenAtTheNotebooksPathsInTheOrderAssignmentYamlLists(@TempDir Path target) throws Exception {
        assertThat(release.keySet()).containsExactly("squares-python.ipynb", "squares-java.ipynb");
        ps1.writeRelease(target);
        assertThat(Files.readAllBytes(target.resolve("squares-java.ipynb"))).isEqualTo(release.get("squares-java.ipynb"));
        try (var files = Files.list(target)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("squares-python.ipynb", "squares-java.ipynb");
        }
    }
}
