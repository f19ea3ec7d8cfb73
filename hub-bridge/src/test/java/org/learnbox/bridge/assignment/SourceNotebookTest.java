package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.learnbox.bridge.assignment.NotebookFixture.problemWords;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** A source notebook's checks, one refusal each, in the words a teacher reads: the notebook, the cell, what is wrong. */
class SourceNotebookTest {
    private static final String SOLVED = "### BEGIN SOLUTION\nx = 1\n### END SOLUTION";

    @Test
    void theCellsKindsGradeIdsAndPointsAreReadFromNbgradersMetadata() {
        SourceNotebook notebook = NotebookFixture.python().markdown("Intro").readOnly("setup", "import math").answer("a", SOLVED)
                .tests("t", 2.5, "assert x == 1").manual("m", 1, "An answer").task("k", 3, "A task").read();
        assertThat(notebook.cells()).extracting(SourceNotebook.Cell::kind).containsExactly(CellKind.ORDINARY, CellKind.READ_ONLY,
                CellKind.AUTOGRADED_ANSWER, CellKind.AUTOGRADER_TESTS, CellKind.MANUAL_ANSWER, CellKind.MANUAL_TASK);
        assertThat(notebook.cells()).extracting(SourceNotebook.Cell::gradeId).containsExactly("", "setup", "a", "t", "m", "k");
        assertThat(notebook.cells()).extracting(SourceNotebook.Cell::points).containsExactly(0.0, 0.0, 0.0, 2.5, 1.0, 3.0);
    }

    @Test
    void aGradeIdUsedTwiceIsNamedWithBothCells() {
        assertThat(problemWords(NotebookFixture.python().answer("squares", SOLVED).tests("squares", 1, "assert x")))
                .containsExactly("nb.ipynb, cell 2: the grade_id 'squares' is already cell 1's.");
        assertThat(NotebookFixture.python().answer("squares", SOLVED).problemKeys()).isEmpty();
        assertThat(NotebookFixture.java().answer("squares", "// BEGIN SOLUTION\nint x = 1;\n// END SOLUTION").problemKeys()).isEmpty();
    }

    @Test
    void aGradedOrLockedCellWithoutGradeIdIsNamed() {
        assertThat(problemWords(NotebookFixture.python().markdown("Intro").readOnly(null, "import math")))
                .containsExactly("nb.ipynb, cell 2: an nbgrader cell needs a grade_id.");
    }

    @Test
    void aGradeIdOfOtherCharactersIsNamed() {
        assertThat(problemWords(NotebookFixture.python().tests("part 1/a", 1, "assert True")))
                .containsExactly("nb.ipynb, cell 1: the grade_id 'part 1/a' must be 1-64 letters, digits, '-' or '_'.");
    }

    @Test
    void aTestCellWithoutPointsIsNamed() {
        assertThat(problemWords(NotebookFixture.python().answer("a", SOLVED).tests("t", null, "assert x == 1")))
                .containsExactly("nb.ipynb, cell 2: a graded cell needs points.");
        assertThatThrownBy(() -> NotebookFixture.python().tests("t", null, "assert True").read())
                .isInstanceOf(AssignmentException.class)
                .hasMessage("nb.ipynb, cell 1: a graded cell needs points.")
                .satisfies(e -> assertThat(((AssignmentException) e).getCodes()).containsExactly("assignment.refused.points-missing"));
    }

    @Test
    void pointsMustBeANumberOfZeroOrMore() {
        assertThat(problemWords(NotebookFixture.python().tests("t1", -1, "assert True").tests("t2", "many", "assert True")
                .tests("t3", "2", "assert True").tests("t4", 0, "assert True"))).containsExactly(
                "nb.ipynb, cell 1: the points must be a number of 0 or more, not '-1.0'.",
                "nb.ipynb, cell 2: the points must be a number of 0 or more, not 'many'.");
    }

    @Test
    void aNotebookOfAnotherLanguageIsNamedWithWhatItSays() {
        assertThat(problemWords(NotebookFixture.kernel("ir", "R").code("x <- 1"))).containsExactly(
                "nb.ipynb: its language 'R' is neither Python nor Java (the kernelspec or language_info of its metadata says which).");
    }

    @Test
    void theLanguageComesFromLanguageInfoThenTheKernelspecTheBoxsJavaKernelIncluded() throws Exception {
        ObjectNode notebook = NotebookFixture.kernel("python3", null).code("x = 1").json();
        assertThat(SourceNotebook.read("nb.ipynb", NotebookFixture.JSON.writeValueAsBytes(notebook)).language()).isEqualTo(NotebookLanguage.PYTHON);
        ((ObjectNode) notebook.get("metadata")).putObject("language_info").put("name", "java");
        assertThat(SourceNotebook.read("nb.ipynb", NotebookFixture.JSON.writeValueAsBytes(notebook)).language()).isEqualTo(NotebookLanguage.JAVA);
        // The box's own Java kernel, by the kernelspec it installs.
        Path kernelJson = Path.of("../kernels/java/kernelspec/java/kernel.json");
        String language = NotebookFixture.JSON.readTree(Files.readString(kernelJson)).get("language").asString();
        String name = kernelJson.getParent().getFileName().toString();
        assertThat(NotebookFixture.kernel(name, language).read().language()).isEqualTo(NotebookLanguage.JAVA);
        assertThat(NotebookFixture.kernel(name, null).read().language()).isEqualTo(NotebookLanguage.JAVA);
    }

    @Test
    void whatIsNotANotebookIsNamed() {
        assertThat(problemKeys("{\"cells\": [")).containsExactly("notebook-not-json");
        assertThat(problemKeys("{\"nbformat\": 3, \"cells\": []}")).containsExactly("notebook-not-v4");
        assertThat(problemKeys("{\"nbformat\": 4, \"metadata\": {}}")).containsExactly("cells-missing");
        assertThat(problemKeys("{\"nbformat\": 4, \"metadata\": {\"kernelspec\": {\"name\": \"python3\"}},"
                + " \"cells\": [{\"cell_type\": \"code\", \"source\": [1, 2]}, {\"cell_type\": \"picture\", \"source\": \"\"}]}"))
                .containsExactly("cell-invalid", "cell-invalid");
    }

    @Test
    void nbgraderMetadataThatIsNotAMapOrContradictsItselfOrTheCellIsNamed() {
        assertThat(NotebookFixture.python().raw("code", "x", "\"solution\"").problemKeys()).containsExactly("nbgrader-invalid");
        assertThat(problemWords(NotebookFixture.python().raw("markdown", "Do it",
                "{\"grade_id\": \"k\", \"task\": true, \"solution\": true, \"points\": 1}")))
                .containsExactly("nb.ipynb, cell 1: a task cannot also be a solution or graded.");
        assertThat(NotebookFixture.python().raw("markdown", "x", "{\"grade_id\": \"t\", \"grade\": true, \"points\": 1}")
                .raw("code", "x = 1", "{\"grade_id\": \"k\", \"task\": true, \"points\": 1}").problemKeys())
                .containsExactly("kind-needs-code", "kind-needs-markdown");
    }

    @Test
    void unbalancedAndNestedMarkersAreNamedWithTheirLines() {
        assertThat(problemWords(NotebookFixture.python().answer("a", "def f():\n    ### BEGIN SOLUTION\n    return 1")))
                .containsExactly("nb.ipynb, cell 1, line 2: BEGIN SOLUTION has no END SOLUTION after it.");
        assertThat(problemWords(NotebookFixture.python().tests("t", 1, "assert f()\n### END HIDDEN TESTS")))
                .containsExactly("nb.ipynb, cell 1, line 2: END HIDDEN TESTS has no BEGIN HIDDEN TESTS before it.");
        assertThat(problemWords(NotebookFixture.python().tests("t", 1,
                "### BEGIN HIDDEN TESTS\n### BEGIN SOLUTION\nassert f()\n### END SOLUTION\n### END HIDDEN TESTS")))
                .startsWith("nb.ipynb, cell 1, line 2: BEGIN SOLUTION is inside HIDDEN TESTS; regions cannot nest.");
    }

    @Test
    void aMisspeltOrForeignMarkerIsRefusedRatherThanReleased() {
        assertThat(problemWords(NotebookFixture.java().answer("a", "int f() {\n    ### BEGIN SOLUTION\n    return 1;\n    ### END SOLUTION\n}")))
                .first().isEqualTo("nb.ipynb, cell 1, line 2: '### BEGIN SOLUTION' names a marker but is not one;"
                        + " a marker is a line of its own, such as // BEGIN SOLUTION.");
        assertThat(NotebookFixture.python().answer("a", "### BEGIN SOLUTIONS\nx = 1\n### END SOLUTIONS").problemKeys())
                .containsExactly("marker-malformed", "marker-malformed");
        assertThat(NotebookFixture.python().answer("a", "x = 1  ### BEGIN SOLUTION").problemKeys()).containsExactly("marker-malformed");
        // Any number of comment signs and spaces is a marker still.
        assertThat(NotebookFixture.python().answer("a", "# BEGIN SOLUTION\nx = 1\n  ###END SOLUTION  ").problemKeys()).isEmpty();
        assertThat(NotebookFixture.java().answer("a", "//BEGIN SOLUTION\nint x = 1;\n    ////   END SOLUTION").problemKeys()).isEmpty();
    }

    @Test
    void aSolutionRegionOutsideASolutionCellIsNamed() {
        assertThat(problemWords(NotebookFixture.python().code(SOLVED)))
                .containsExactly("nb.ipynb, cell 1: a solution region in a cell that is not a solution cell would reach students.");
    }

    @Test
    void hiddenTestsOutsideATestCellAndAMarkSchemeInACodeCellAreNamed() {
        assertThat(NotebookFixture.python().answer("a", "### BEGIN HIDDEN TESTS\nassert x\n### END HIDDEN TESTS").problemKeys())
                .containsExactly("hidden-tests-outside");
        assertThat(NotebookFixture.python().tests("t", 1, "assert x\n### BEGIN MARK SCHEME\nfull marks\n### END MARK SCHEME").problemKeys())
                .containsExactly("mark-scheme-outside");
    }

    @Test
    void aSourceWrittenBackIsTheSameNotebook() throws Exception {
        byte[] original = Files.readAllBytes(NotebookFixture.PS1.resolve("squares-python.ipynb"));
        SourceNotebook notebook = SourceNotebook.read("squares-python.ipynb", original);
        assertThat(NotebookFixture.JSON.readTree(notebook.toBytes())).isEqualTo(NotebookFixture.JSON.readTree(original));
    }

    private static List<String> problemKeys(String content) {
        List<AssignmentProblem> problems = new ArrayList<>();
        SourceNotebook.read("nb.ipynb", content.getBytes(StandardCharsets.UTF_8), problems);
        return NotebookFixture.keys(problems);
    }
}
