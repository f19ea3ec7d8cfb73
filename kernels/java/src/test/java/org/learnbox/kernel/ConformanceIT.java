package org.learnbox.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Jupyter's own kernel conformance suite (Debian's python3-jupyter-kernel-test) against the
 * Java kernel as installed in learnbox/sandbox, which ./box test builds before the tests run.
 */
class ConformanceIT {
    private static final String SANDBOX = System.getenv().getOrDefault("LEARNBOX_SANDBOX_IMAGE", "learnbox/sandbox:latest");

    @Test
    void theKernelConformanceSuitePassesInsideTheSandbox() {
        ImageFromDockerfile suiteImage = new ImageFromDockerfile("learnbox/java-kernel-conformance", false)
                .withFileFromPath("test_java_kernel.py", Path.of("conformance/test_java_kernel.py"))
                .withDockerfileFromBuilder(dockerfile -> dockerfile
                        .from(SANDBOX)
                        .user("root")
                        .run("apt-get update && apt-get install -y --no-install-recommends python3-jupyter-kernel-test"
                                + " && rm -rf /var/lib/apt/lists/*")
                        .copy("test_java_kernel.py", "/opt/conformance/test_java_kernel.py")
                        .user("1000:1000")
                        .workDir("/opt/conformance")
                        .cmd("python3", "-m", "unittest", "-v", "test_java_kernel")
                        .build());
        try (GenericContainer<?> suite = new GenericContainer<>(suiteImage)
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(5)))) {
            try {
                suite.start();
            } catch (RuntimeException failed) {
                throw new AssertionError("the conformance suite failed:\n" + suite.getLogs(), failed);
            }
            assertThat(suite.getLogs()).containsPattern("Ran \\d+ tests").contains("\nOK").doesNotContain("FAILED");
        }
    }
}
