package org.learnbox.kernel;

import jdk.jshell.execution.LocalExecutionControl;

import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * Runs snippets inside the kernel's own JVM, so that cells can hand real objects (images, display data) to the
 * kernel. {@link LocalExecutionControl} rewrites every snippet class so that loops check a stop flag; that is what
 * lets an interrupt end {@code while (true) {}}, which ignores {@link Thread#interrupt()}.
 */
final class KernelExecutionControl extends LocalExecutionControl {

    // JShell only passes values around as display strings; the kernel wants the object itself.
    private volatile Object lastReadValue;

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        lastReadValue = readStaticField(className, varName);
        return super.varValue(className, varName);
    }

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(guarded(classes));
    }

    @Override
    public void redefine(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.redefine(guarded(classes));
    }

    /** Snippet classes with their exits refused, see {@link ExitRewriter}. */
    private static ClassBytecodes[] guarded(ClassBytecodes[] classes) {
        return Arrays.stream(classes)
                .map(c -> new ClassBytecodes(c.name(), ExitRewriter.rewrite(c.bytecodes())))
                .toArray(ClassBytecodes[]::new);
    }

    /** The object behind the last {@code JShell.varValue} call. */
    Object lastReadValue() {
        return lastReadValue;
    }

    private Object readStaticField(String className, String varName) throws InternalException {
        try {
            Field field = findClass(className).getField(varName);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new InternalException("Cannot read variable " + varName + ": " + e);
        }
    }
}
