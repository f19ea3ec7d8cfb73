package org.learnbox.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import sun.misc.Signal;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code java -jar learnbox-java-kernel.jar CONNECTION_FILE}, as Jupyter starts kernels. */
public final class KernelMain {

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar learnbox-java-kernel.jar CONNECTION_FILE");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
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
