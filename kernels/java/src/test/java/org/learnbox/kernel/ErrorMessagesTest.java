package org.learnbox.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMessagesTest {

    @Test
    void compileErrorNamesTheCellLineAndColumnAndPutsACaretUnderTheSpot() {
        Execution run = TestKernel.frontend().execute("int fine = 1;\nString s = missingName + 1;");

        assertThat(run.status()).isEqualTo("error");
        assertThat(run.traceback()).contains(
                "Compilation error in line 2, column 12: cannot find symbol",
                "symbol:   variable missingName",
                "   2 | String s = missingName + 1;\n"
                        + "     |            ^^^^^^^^^^^");
        assertThat(run.traceback()).doesNotContain("$JShell$", "location: class");
    }

    @Test
    void compileErrorInAMethodBodyPointsIntoTheBody() {
        Execution run = TestKernel.frontend().execute("""
                // a comment first
                int twice(int n) {
                    return n * "2";
                }""");

        // javac points at the operator and spans the whole operation
        assertThat(run.traceback()).contains("line 3, column 14: bad operand types for binary operator '*'");
        assertThat(run.traceback()).contains("   3 |     return n * \"2\";\n     |            ^^^^^^^");
    }

    @Test
    void aFailingSnippetStopsTheCellButWhatRanBeforeStays() {
        Execution run = TestKernel.frontend().execute("""
                int before = 5;
                int broken = "text";
                System.out.println("never printed");""");

        assertThat(run.traceback()).contains("line 2, column 14: incompatible types");
        assertThat(run.stdout()).isEmpty();
        assertThat(TestKernel.frontend().execute("before").resultText()).isEqualTo("5");
    }

    @Test
    void syntaxErrorsAreReportedToo() {
        Execution run = TestKernel.frontend().execute("int x = 1\nint y = 2;");

        assertThat(run.status()).isEqualTo("error");
        assertThat(run.traceback()).contains("Compilation error in line 1");
    }

    @Test
    void runtimeExceptionShowsTheLearnersFramesOnly() {
        TestKernel.frontend().execute("""
                int divide(int a, int b) {
                    return a / b;
                }""");
        int definedIn = TestKernel.frontend().execute("int unused = 0;").executionCount() - 1;

        Execution run = TestKernel.frontend().execute("int zero = 0;\ndivide(1, zero)");

        assertThat(run.status()).isEqualTo("error");
        assertThat(run.error().orElseThrow().getErrorMessage()).isEqualTo("java.lang.ArithmeticException: / by zero");
        assertThat(run.traceback()).isEqualTo("""
                java.lang.ArithmeticException: / by zero
                    at divide (cell [%d], line 2)
                    at cell [%d], line 2""".formatted(definedIn, run.executionCount()));
    }

    @Test
    void exceptionsThrownInsideTheJdkKeepTheJdkFramesAboveTheLearnersCode() {
        Execution run = TestKernel.frontend().execute("Integer.parseInt(\"forty\")");

        assertThat(run.traceback())
                .startsWith("java.lang.NumberFormatException: For input string: \"forty\"")
                .contains("at java.base/java.lang.Integer.parseInt(")
                .endsWith("at cell [" + run.executionCount() + "], line 1")
                .doesNotContain("jdk.jshell");
    }

    @Test
    void usingAMethodWhoseDependencyIsMissingSaysWhatIsMissing() {
        Execution define = TestKernel.frontend().execute("int usesLater() { return laterValue * 2; }");
        assertThat(define.stderr()).contains("usesLater() can be used once variable laterValue is defined");

        Execution call = TestKernel.frontend().execute("usesLater()");
        assertThat(call.traceback()).contains("usesLater() cannot be used until variable laterValue is defined");

        TestKernel.frontend().execute("int laterValue = 21;");
        assertThat(TestKernel.frontend().execute("usesLater()").resultText()).isEqualTo("42");
    }
}
