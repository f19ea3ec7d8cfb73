package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Java kernel in a learner's sandbox, reached through the box as JupyterLab reaches it. */
@ExtendWith(RunningBox.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaKernelE2EIT {
    private Learner learner;

    @BeforeAll
    void aLearnerInTheirLab() throws Exception {
        RunningBox box = RunningBox.get();
        learner = new Learner(box, "javanese");
        learner.logInToLab(box.addUser("javanese"));
    }

    @Test
    void theLabOffersJavaAndItRunsOnTheSandboxJdk21() throws Exception {
        assertThat(learner.server("GET", "/api/kernelspecs", null).body())
                .contains("\"java\"", "\"display_name\": \"Java\"", "\"language\": \"java\"");
        try (KernelSession kernel = learner.startKernel("java")) {
            KernelSession.Outcome outcome = kernel.execute("""
                    int x = 6 * 7;
                    System.out.println("x is " + x);
                    System.getProperty("java.specification.version")
                    """, Duration.ofSeconds(90));
            assertThat(outcome.error()).isNull();
            assertThat(outcome.stdout()).isEqualTo("x is 42\n");
            assertThat(outcome.result()).isEqualTo("\"21\"");
            assertThat(kernel.execute("x + 1", Duration.ofSeconds(30)).result()).isEqualTo("43");
        }
    }

    @Test
    void aRunawayLoopStopsOnInterruptAndTheKernelKeepsItsDefinitions() throws Exception {
        try (KernelSession kernel = learner.startKernel("java")) {
            kernel.execute("String kept = \"still here\";", Duration.ofSeconds(90));
            CompletableFuture<KernelSession.Outcome> loop = CompletableFuture.supplyAsync(() -> {
                try {
                    return kernel.execute("while (true) {}", Duration.ofSeconds(60));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1500);
            assertThat(learner.server("POST", "/api/kernels/" + kernel.id + "/interrupt", null).statusCode()).isEqualTo(204);
            KernelSession.Outcome interrupted = loop.get(20, TimeUnit.SECONDS);
            assertThat(interrupted.status()).isEqualTo("error");
            assertThat(kernel.execute("kept", Duration.ofSeconds(30)).result()).isEqualTo("\"still here\"");
        }
    }

    @Test
    void aCompileErrorSaysWhereInWordsABeginnerCanRead() throws Exception {
        try (KernelSession kernel = learner.startKernel("java")) {
            KernelSession.Outcome outcome = kernel.execute("int n = 1;\nString s = n;", Duration.ofSeconds(90));
            assertThat(outcome.status()).isEqualTo("error");
            assertThat(outcome.error()).contains("incompatible types");
        }
    }
}
