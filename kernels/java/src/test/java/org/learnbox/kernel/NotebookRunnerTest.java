package org.learnbox.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.learnbox.kernel.Notebooks.code;
import static org.learnbox.kernel.Notebooks.markdown;
import static org.learnbox.kernel.Notebooks.raw;

/** The runner in this JVM, on the tests' shared kernel, with System.out and System.err caught. */
class NotebookRunnerTest {

    @TempDir
    Path dir;

    /** What a run printed, and its exit status. */
    record Run(int status, String stdout, String stderr) {
    }

    @Test
    void runsTheCodeCellsInOrderShowsValuesAndStopsAtTheFirstThatFails() throws Exception {
        Path file = Notebooks.write(dir, "lesson.ipynb",
                markdown("# Sums\nThis text is not Java."),
                code(List.of("System.out.println(\"hello from cell 1\");\n", "System.err.println(\"a warning\");")),
                raw("neither is this"),
                code("int runnerAnswer = 6 * 7;\nrunnerAnswer"),
                code("%%time\nrunnerAnswer + 1"),
                code("  \n"), // empty: Jupyter neither runs nor numbers it
                code("System.out.println(\"before the mistake\");\nint broken = \"text\";"),
                code("System.out.println(\"never printed\");"));

        Run run = runInThisJvm(file);

        assertThat(run.status()).isEqualTo(NotebookRunner.A_CELL_FAILED);
        assertThat(run.stdout()).startsWith("hello from cell 1\n42\n")
                .containsPattern("CPU time: [0-9.]+ (µs|ms|s)\nWall time: [0-9.]+ (µs|ms|s)\n43\n")
                .endsWith("before the mistake\n")
                .doesNotContain("never printed", "Sums");
        assertThat(run.stderr()).startsWith("a warning\n")
                .contains("Compilation error in line 2, column 14: incompatible types",
                        "   2 | int broken = \"text\";")
                .endsWith("cell 4 failed\n")
                .doesNotContain("\u001b[");
    }

    @Test
    void anExceptionNamesTheSameCellsAsTheFailureLine() throws Exception {
        Path file = Notebooks.write(dir, "divide.ipynb",
                code("int runnerDivide(int a, int b) {\n    return a / b;\n}"),
                markdown("Now call it."),
                code("int runnerZero = 0;\nrunnerDivide(4, runnerZero)"));

        Run run = runInThisJvm(file);

        assertThat(run.status()).isEqualTo(NotebookRunner.A_CELL_FAILED);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).isEqualTo("""
                java.lang.ArithmeticException: / by zero
                    at runnerDivide (cell [1], line 2)
                    at cell [2], line 2
                cell 2 failed
                """);
    }

    @Test
    void aNotebookWhoseCellsAllRunEndsWithStatusZero() throws Exception {
        Path file = Notebooks.write(dir, "fine.ipynb", code("String runnerGreeting = \"hi\";\nrunnerGreeting"));

        Run run = runInThisJvm(file);

        assertThat(run).isEqualTo(new Run(NotebookRunner.ALL_RAN, "\"hi\"\n", ""));
    }

    @Test
    void aFileThatIsNoJavaNotebookIsRefusedInWordsWithStatusTwo() throws Exception {
        Path notJson = Files.writeString(dir.resolve("notes.ipynb"), "{\"cells\": [\n  {cell_type: \"code\"}]}");
        Path plainText = Files.writeString(dir.resolve("text.ipynb"), "hello");
        Path old = Files.writeString(dir.resolve("old.ipynb"), "{\"nbformat\": 3, \"worksheets\": []}");
        Path python = Files.writeString(dir.resolve("py.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5, "cells": [],
                 "metadata": {"kernelspec": {"name": "python3", "language": "python"}}}""");

        assertThat(refusal(dir.resolve("missing.ipynb"))).isEqualTo(dir.resolve("missing.ipynb") + " does not exist.\n");
        assertThat(refusal(notJson))
                .isEqualTo(notJson + " is not valid JSON: the first mistake is at line 2, column 5.\n");
        assertThat(refusal(plainText)).startsWith(plainText + " is not valid JSON");
        assertThat(refusal(old)).isEqualTo(old + " is not an nbformat 4 notebook (nbformat is 3).\n");
        assertThat(refusal(python)).isEqualTo(python + " is a python notebook; this runs Java notebooks.\n");
        assertThat(refusal(dir)).isEqualTo("Cannot read " + dir + ": it is a folder.\n");
    }

    @Test
    void aCellsSourceMayBeOneStringOrItsLines() throws Exception {
        Path file = Notebooks.write(dir, "sources.ipynb",
                code("int a = 1;\nint b = 2;"), code(List.of("int c = 3;\n", "int d = 4;")), code(List.of()));

        assertThat(Notebook.read(file).codeCells()).containsExactly("int a = 1;\nint b = 2;", "int c = 3;\nint d = 4;");
    }

    /** The refusal's stderr; a refused file never reaches the kernel, so this does not start one. */
    private String refusal(Path file) throws Exception {
        Run run = caught(() -> NotebookRunner.runFile(file));
        assertThat(run.status()).isEqualTo(NotebookRunner.NOT_A_NOTEBOOK);
        assertThat(run.stdout()).isEmpty();
        return run.stderr();
    }

    private Run runInThisJvm(Path file) throws Exception {
        Notebook notebook = Notebook.read(file);
        JavaKernel kernel = TestKernel.get();
        return caught(() -> new NotebookRunner(kernel).run(notebook));
    }

    private static Run caught(Callable<Integer> runner) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, UTF_8));
        System.setErr(new PrintStream(err, true, UTF_8));
        try {
            int status = runner.call();
            return new Run(status, out.toString(UTF_8), err.toString(UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
