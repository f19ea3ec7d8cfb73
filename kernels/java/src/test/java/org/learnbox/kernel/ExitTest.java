package org.learnbox.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExitTest {

    @Test
    void systemExitIsRefusedAndTheKernelKeepsItsDefinitions() {
        TestKernel.frontend().execute("int keptAcrossExit = 7;");

        Execution run = TestKernel.frontend().execute("System.out.println(\"before\");\nSystem.exit(0);\n"
                + "System.out.println(\"after\");");

        assertThat(run.status()).isEqualTo("error");
        assertThat(run.stdout()).isEqualTo("before\n");
        assertThat(run.traceback()).contains("System.exit is not available in a notebook")
                .contains("restart the kernel from the Kernel menu");
        assertThat(TestKernel.frontend().execute("keptAcrossExit").resultText()).isEqualTo("7");
    }

    @Test
    void otherWaysOfExitingAreRefusedToo() {
        for (String cell : new String[] {
                "Runtime.getRuntime().exit(1);",
                "Runtime.getRuntime().halt(1);",
                "java.util.function.IntConsumer quit = System::exit;\nquit.accept(3);",
                "void leave() { System.exit(2); }\nleave();",
                "try { System.exit(0); } catch (Exception e) { System.out.println(\"caught\"); }"}) {
            Execution run = TestKernel.frontend().execute(cell);

            assertThat(run.status()).as(cell).isEqualTo("error");
            assertThat(run.stdout()).as(cell).isEmpty();
            assertThat(run.traceback()).as(cell).contains("System.exit is not available in a notebook");
        }
        assertThat(TestKernel.frontend().execute("1 + 1").resultText()).isEqualTo("2");
    }
}
