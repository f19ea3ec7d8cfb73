package org.learnbox.kernel;

import jdk.jshell.execution.LocalExecutionControl;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Runs snippets inside the kernel's own JVM, so that cells can hand real objects (images, display data) to the
 * kernel. {@link LocalExecutionControl} rewrites every snippet class so that loops check a stop flag; that is what
 * lets an interrupt end {@code while (true) {}}, which ignores {@link Thread#interrupt()}.
 */
final class KernelExecutionControl extends LocalExecutionControl {

    // JShell only passes values around as display strings; the kernel wants the object itself.
    private volatile Object lastReadValue;

    // The thread groups cells ran in (JShell makes one for each snippet): threads a cell starts are in its group.
    // Held weakly, as a live thread holds its group: a group is forgotten once no thread of it is left.
    private final Set<ThreadGroup> cellGroups =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

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

    /**
     * Runs the cell as the library does, but only once the library has listed the threads it
     * waits for. The library waits for every thread of the cell's group alive just after the
     * cell's thread starts; a thread the cell starts in that moment (a server, an HTTP client)
     * would make the cell wait until that thread ends, maybe forever. The cell's first step is
     * therefore to wait until this thread is joining it.
     */
    @Override
    protected String invoke(Method doit) throws Exception {
        PENDING.set(new PendingCell(doit, Thread.currentThread(), this));
        try {
            return super.invoke(RUN_WHEN_JOINED);
        } finally {
            PENDING.remove();
        }
    }

    private record PendingCell(Method doit, Thread invoker, KernelExecutionControl control) {}

    // Handed from the invoking thread to the cell's thread, which the library starts.
    private static final InheritableThreadLocal<PendingCell> PENDING = new InheritableThreadLocal<>();
    private static final Method RUN_WHEN_JOINED;
    private static final long MAX_WAIT_FOR_JOIN_NANOS = 2_000_000_000L;

    static {
        try {
            RUN_WHEN_JOINED = KernelExecutionControl.class.getDeclaredMethod("runWhenJoined");
            RUN_WHEN_JOINED.setAccessible(true); // called by the library, from its own module
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // called by reflection, on the cell's thread
    private static Object runWhenJoined() throws Throwable {
        PendingCell cell = PENDING.get();
        PENDING.remove(); // threads the cell starts must not inherit it
        cell.control().cellGroups.add(Thread.currentThread().getThreadGroup());
        long deadline = System.nanoTime() + MAX_WAIT_FOR_JOIN_NANOS;
        while (cell.invoker().getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000);
        }
        try {
            return cell.doit().invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // wrapped again by the library, as if the cell had been called directly
        }
    }

    /** Snippet classes with their exits refused, see {@link ExitRewriter}. */
    private static ClassBytecodes[] guarded(ClassBytecodes[] classes) {
        return Arrays.stream(classes)
                .map(c -> new ClassBytecodes(c.name(), ExitRewriter.rewrite(c.bytecodes())))
                .toArray(ClassBytecodes[]::new);
    }

    /** Threads that cells started and that still run, daemon threads included. */
    List<Thread> threadsLeftByCells() {
        List<ThreadGroup> groups;
        synchronized (cellGroups) {
            groups = List.copyOf(cellGroups);
        }
        List<Thread> running = new ArrayList<>();
        for (ThreadGroup group : groups) {
            Thread[] threads;
            int count;
            do { // activeCount is an estimate; a full array may have left some out
                threads = new Thread[group.activeCount() * 2 + 16];
                count = group.enumerate(threads, true);
            } while (count == threads.length);
            running.addAll(Arrays.asList(threads).subList(0, count));
        }
        return running;
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
