package org.learnbox.kernel;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Hands JShell a {@link KernelExecutionControl} and keeps it, so the evaluator can read raw values from it. */
final class KernelExecutionProvider implements ExecutionControlProvider {

    private volatile KernelExecutionControl control;

    @Override
    public String name() {
        return "learnbox-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new KernelExecutionControl();
        return control;
    }

    KernelExecutionControl control() {
        return control;
    }
}
