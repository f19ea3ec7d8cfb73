package org.learnbox.kernel;

/** One kernel for the whole test run: the library allows one notebook kernel per JVM, and JShell is slow to start. */
final class TestKernel {

    private static JavaKernel kernel;

    private TestKernel() {
    }

    static synchronized JavaKernel get() {
        if (kernel == null) {
            System.setProperty("java.awt.headless", "true");
            kernel = JavaKernel.start();
        }
        return kernel;
    }

    static FakeFrontend frontend() {
        return new FakeFrontend(get());
    }
}
