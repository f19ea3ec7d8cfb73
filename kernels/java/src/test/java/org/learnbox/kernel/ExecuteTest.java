package org.learnbox.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExecuteTest {

    @Test
    void trailingExpressionIsTheResultShownTheWayJShellShowsIt() {
        assertThat(TestKernel.frontend().execute("40 + 2").resultText()).isEqualTo("42");
        assertThat(TestKernel.frontend().execute("\"h\" + \"i\"").resultText()).isEqualTo("\"hi\"");
        assertThat(TestKernel.frontend().execute("int answer = 42;\nanswer").resultText()).isEqualTo("42");
    }

    @Test
    void statementsAndDeclarationsShowNoResult() {
        Execution run = TestKernel.frontend().execute("int unshown = 3;\nSystem.out.println(unshown);");

        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.result()).isEmpty();
        assertThat(run.stdout()).isEqualTo("3\n");
    }

    @Test
    void stdoutAndStderrGoToTheirStreams() {
        Execution run = TestKernel.frontend().execute("""
                System.out.println("to out");
                System.err.println("to err");
                """);

        assertThat(run.stdout()).isEqualTo("to out\n");
        assertThat(run.stderr()).isEqualTo("to err\n");
    }

    @Test
    void outputIsSentWhileTheCellRunsNotAtItsEnd() {
        FakeFrontend frontend = TestKernel.frontend().answering("go on");

        Execution run = frontend.execute("""
                System.out.println("before the question");
                new Scanner(System.in).nextLine();
                System.out.println("after");
                """);

        // the cell was still running (waiting for input) when its first line had already reached the frontend
        assertThat(frontend.stdoutWhenAsked()).containsExactly("before the question\n");
        assertThat(run.stdoutMessages()).containsExactly("before the question\n", "after\n");
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // the fault this guards against is a cell that never ends
    void aCellEndsWhileThreadsItStartedKeepRunning() {
        // Many cells, so that a thread started in the instant after the cell's own thread starts is caught too.
        TestKernel.frontend().execute("var keepRunning = new java.util.concurrent.CountDownLatch(1);");
        for (int i = 0; i < 60; i++) {
            Execution run = TestKernel.frontend().execute("""
                    Thread.ofPlatform().name("left-running").start(() -> {
                        try { keepRunning.await(); } catch (InterruptedException e) { }
                    });
                    "started"
                    """);
            assertThat(run.resultText()).isEqualTo("\"started\"");
        }
        assertThat(TestKernel.frontend().execute("Thread.getAllStackTraces().keySet().stream()"
                + ".filter(t -> t.getName().equals(\"left-running\")).count()").resultText()).isEqualTo("60");
        TestKernel.frontend().execute("keepRunning.countDown();");
    }

    @Test
    void definitionsSurviveFromCellToCell() {
        TestKernel.frontend().execute("int square(int x) {\n    return x * x;\n}");
        TestKernel.frontend().execute("record Point(int x, int y) {}");

        assertThat(TestKernel.frontend().execute("square(7)").resultText()).isEqualTo("49");
        assertThat(TestKernel.frontend().execute("new Point(1, 2)").resultText()).isEqualTo("Point[x=1, y=2]");
    }

    @Test
    void everyCellGetsTheNextExecutionCountAndIsKeptInHistory() {
        Execution first = TestKernel.frontend().execute("int historyOne = 1;");
        Execution second = TestKernel.frontend().execute("int historyTwo = 2;");

        assertThat(second.executionCount()).isEqualTo(first.executionCount() + 1);
        List<HistoryEntry> tail = TestKernel.get().getHistoryManager().lookupTail(2);
        assertThat(tail).extracting(HistoryEntry::getInput)
                .containsExactly("int historyOne = 1;", "int historyTwo = 2;");
        assertThat(tail).extracting(HistoryEntry::getCellNumber)
                .containsExactly(first.executionCount(), second.executionCount());
    }

    @Test
    void commonPackagesAreImportedAlready() {
        Execution run = TestKernel.frontend().execute("List<Integer> xs = new ArrayList<>(List.of(3, 1, 2));\n"
                + "Collections.sort(xs);\nxs.stream().map(String::valueOf).collect(Collectors.joining(\",\"))");

        assertThat(run.resultText()).isEqualTo("\"1,2,3\"");
    }
}
