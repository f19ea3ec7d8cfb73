package org.learnbox.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import sun.misc.Signal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar learnbox-java-kernel.jar CONNECTION_FILE}, as Jupyter starts kernels; and
 * {@code java -jar learnbox-java-kernel.jar run NOTEBOOK.ipynb}, which runs a notebook without Jupyter.
 */
public final class KernelMain {

    static final String USAGE = """
            usage: java -jar learnbox-java-kernel.jar CONNECTION_FILE     (the kernel, as Jupyter starts it)
                   java -jar learnbox-java-kernel.jar run NOTEBOOK.ipynb  (runs a Java notebook without Jupyter)""";

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        // In a sandbox DISPLAY names the learner's desktop, where a cell's windows show (issue 18);
        // elsewhere (grading, a notebook run as an app) there is no screen, and pictures are drawn without one.
        if (System.getenv("DISPLAY") == null) System.setProperty("java.awt.headless", "true");
        if (args.length == 2 && args[0].equals("run")) {
            // Ends the JVM whatever threads are left: the kernel's own, and after a failed cell those cells started.
            System.exit(NotebookRunner.runFile(Path.of(args[1])));
        }
        if (args.length != 1 || args[0].equals("run") || args[0].startsWith("-")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));

        JavaKernel kernel = JavaKernel.start();
        JupyterConnection connection = new PromptConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        // With interrupt_mode "signal" Jupyter sends SIGINT; treat it like an interrupt_request, not a quit.
        Signal.handle(new Signal("INT"), signal -> kernel.interrupt());
        connection.connect();
        connection.waitUntilClose();
        // Threads a cell started may still run; the kernel process must end with its connection.
        System.exit(0);
    }
}
