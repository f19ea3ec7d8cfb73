package org.learnbox.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learnbox.kernel.Execution.data;

class CodeAssistantTest {

    private final JavaKernel kernel = TestKernel.get();

    @Test
    void isCompleteTellsCompleteFromOpenFromBroken() {
        assertThat(kernel.isComplete("int x = 1;")).isEqualTo(BaseKernel.IS_COMPLETE_YES);
        assertThat(kernel.isComplete("int x = 1;\nx + 1")).isEqualTo(BaseKernel.IS_COMPLETE_YES);
        assertThat(kernel.isComplete("1 +")).isEqualTo("");
        assertThat(kernel.isComplete("for (int i = 0; i < 3; i++) {")).isEqualTo("    ");
        assertThat(kernel.isComplete("void f() {\n    if (true) {")).isEqualTo("        ");
        assertThat(kernel.isComplete("}")).isEqualTo(BaseKernel.IS_COMPLETE_BAD);
    }

    @Test
    void completesMembersOfJdkClasses() {
        ReplacementOptions options = kernel.complete("Math.ma", 7);

        assertThat(options.getReplacements()).contains("max(");
        assertThat(options.getSourceStart()).isEqualTo(5);
        assertThat(options.getSourceEnd()).isEqualTo(7);
    }

    @Test
    void completesMagicNamesAtTheStartOfALine() {
        String cell = "int x = 1;\n%ma";
        ReplacementOptions line = kernel.complete(cell, cell.length());
        assertThat(line.getReplacements()).containsExactly("%maven");
        assertThat(line.getSourceStart()).isEqualTo(cell.indexOf("%ma"));

        assertThat(kernel.complete("%%ti", 4).getReplacements()).containsExactly("%%time");
        assertThat(kernel.complete("%", 1).getReplacements())
                .contains("%maven", "%classpath", "%jars", "%load", "%lsmagic").doesNotContain("%%time");
        assertThat(kernel.complete("int y = 2;\n%%ti", 15).getReplacements())
                .as("a cell magic only on a cell's first line").doesNotContain("%%time");
    }

    @Test
    void completesNamesTheLearnerDefinedInTheSnippetUnderTheCursor() {
        TestKernel.frontend().execute("int counterValue = 1;");
        String cell = "int other = 2;\nSystem.out.println(counterV";

        ReplacementOptions options = kernel.complete(cell, cell.length());

        assertThat(options.getReplacements()).containsExactly("counterValue");
        assertThat(options.getSourceStart()).isEqualTo(cell.indexOf("counterV"));
    }

    @Test
    void inspectShowsTheSignatureAndJavadocWhenTheJdkHasIt() {
        String cell = "int biggest = Math.max(3, 4);";

        DisplayData inspection = kernel.inspect(cell, cell.indexOf("max") + 1, false);

        String text = (String) data(inspection, "text/plain");
        assertThat(text).contains("int Math.max(int a, int b)");
        boolean jdkHasSources = Files.exists(Path.of(System.getProperty("java.home"), "lib", "src.zip"));
        if (jdkHasSources) {
            assertThat(text).contains("Returns the greater of two int values");
        }
    }

    @Test
    void inspectOfAClassName() {
        DisplayData inspection = kernel.inspect("String", 3, false);

        assertThat((String) data(inspection, "text/plain")).startsWith("java.lang.String");
    }

    @Test
    void inspectOfNothingKnownFindsNothing() {
        assertThat(kernel.inspect("   ", 1, false)).isNull();
    }
}
