package org.learnbox.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

// a kernel that cannot be stopped would hang the build; fail instead
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterruptTest {

    // generous, so a loaded machine does not fail the test; the interrupt itself takes milliseconds
    private static final Duration STOPS_WITHIN = Duration.ofSeconds(10);

    @Test
    void interruptStopsABusyLoopThatIgnoresThreadInterrupts() throws Exception {
        assertInterruptStops("System.out.println(\"started\");\nwhile (true) {}");
    }

    @Test
    void interruptStopsALongSleep() throws Exception {
        assertInterruptStops("System.out.println(\"started\");\nThread.sleep(1_000_000);");
    }

    @Test
    void interruptStopsALoopInAMethodTheLearnerDefined() throws Exception {
        TestKernel.frontend().execute("void spin() { long n = 0; while (n >= 0) { n = (n + 1) % 10; } }");
        assertInterruptStops("System.out.println(\"started\");\nspin();");
    }

    @Test
    void aLoopPrintingEverySoOftenStreamsEachLineAndStopsOnInterrupt() throws Exception {
        FakeFrontend frontend = TestKernel.frontend();
        CompletableFuture<Execution> run = frontend.executeInBackground("""
                for (int i = 1; ; i++) {
                    System.out.println("tick " + i);
                    Thread.sleep(100);
                }""");

        frontend.awaitStdout(out -> out.contains("tick 3"), STOPS_WITHIN);
        assertThat(run).isNotDone();
        TestKernel.get().interrupt();

        Execution stopped = run.get(STOPS_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(stopped.stdoutMessages()).startsWith("tick 1\n", "tick 2\n", "tick 3\n");
        assertThat(stopped.status()).isEqualTo("error");
    }

    private static void assertInterruptStops(String cell) throws Exception {
        TestKernel.frontend().execute("String survivor = \"still here\";");
        FakeFrontend frontend = TestKernel.frontend();
        CompletableFuture<Execution> run = frontend.executeInBackground(cell);
        frontend.awaitStdout(out -> out.contains("started"), STOPS_WITHIN);

        TestKernel.get().interrupt();

        Execution stopped = run.get(STOPS_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(stopped.status()).isEqualTo("error");
        assertThat(stopped.traceback()).contains("The cell was interrupted");
        // the kernel goes on, with what was defined before
        assertThat(TestKernel.frontend().execute("survivor").resultText()).isEqualTo("\"still here\"");
    }
}
