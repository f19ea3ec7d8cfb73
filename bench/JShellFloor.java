import jdk.jshell.*;
import jdk.jshell.execution.LocalExecutionControlProvider;
/** The floor under any JShell kernel: JShell.eval("1 + 1") in a loop, no kernel and no messages. Args: "imports" to add the kernel's startup imports first. */
public class JShellFloor {
    public static void main(String[] a) {
        JShell js = JShell.builder().executionEngine(new LocalExecutionControlProvider(), java.util.Map.of()).build();
        if (a.length > 0) for (String imp : new String[]{"import java.io.*;","import java.math.*;","import java.net.*;","import java.nio.file.*;","import java.time.*;","import java.util.*;","import java.util.concurrent.*;","import java.util.function.*;","import java.util.regex.*;","import java.util.stream.*;"}) js.eval(imp);
        for (int i = 0; i < 150; i++) js.eval("1 + 1");
        long[] t = new long[200];
        for (int i = 0; i < 200; i++) { long s = System.nanoTime(); js.eval("1 + 1"); t[i] = System.nanoTime() - s; }
        java.util.Arrays.sort(t);
        System.out.printf("imports=%s eval p50 %.1f ms%n", a.length > 0, t[100]/1e6);
        System.exit(0);
    }
}
