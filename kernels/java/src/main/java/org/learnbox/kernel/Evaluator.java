package org.learnbox.kernel;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Runs cells with JShell, in this JVM, one snippet at a time. Stops at the first snippet that does not compile or
 * throws, and reports it against the cell's own lines.
 */
final class Evaluator implements AutoCloseable {

    /** What a beginner expects to use without importing it, plus the display API. */
    static final List<String> STARTUP_IMPORTS = List.of(
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;",
            "import static " + Display.class.getName() + ".*;");

    private static final Duration STOP_RETRY = Duration.ofMillis(20);

    private final KernelExecutionProvider provider = new KernelExecutionProvider();
    private final JShell shell;
    private final CellSplitter splitter;
    private final Map<String, SnippetOrigin> origins = new ConcurrentHashMap<>();
    private volatile boolean interruptRequested;
    // Which cell runs, so that an interrupt meant for one cell never stops the next.
    private final Object cellLock = new Object();
    private long cellGeneration;
    private boolean cellRunning;

    Evaluator(List<String> classpath) {
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .build();
        classpath.forEach(shell::addToClasspath);
        this.splitter = new CellSplitter(shell.sourceCodeAnalysis());
        for (String startup : STARTUP_IMPORTS) {
            List<SnippetEvent> events = shell.eval(startup);
            if (events.stream().anyMatch(e -> e.status() == Snippet.Status.REJECTED)) {
                throw new IllegalStateException("Kernel startup failed on: " + startup);
            }
        }
    }

    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    CellSplitter splitter() {
        return splitter;
    }

    /**
     * Runs a cell and returns the value of its trailing expression, if it ends with one.
     *
     * @param cellNumber the execution count, used in error messages
     * @param notes where to tell the learner about definitions that wait for something (the cell's stderr)
     * @throws CellError when the cell does not compile, throws, or is interrupted
     */
    Optional<CellValue> eval(String cell, int cellNumber, PrintStream notes) {
        synchronized (cellLock) {
            cellGeneration++;
            interruptRequested = false;
            cellRunning = true;
        }
        try {
            return evalSnippets(cell, cellNumber, notes);
        } finally {
            synchronized (cellLock) {
                cellRunning = false;
            }
        }
    }

    private Optional<CellValue> evalSnippets(String cell, int cellNumber, PrintStream notes) {
        List<CellSnippet> snippets = splitter.split(cell);
        Optional<CellValue> value = Optional.empty();
        for (CellSnippet snippet : snippets) {
            if (interruptRequested) {
                throw new CellInterrupted();
            }
            List<SnippetEvent> events = shell.eval(snippet.source());
            if (interruptRequested) {
                throw new CellInterrupted();
            }
            value = Optional.empty();
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue; // an update of an older snippet, not what this one did
                }
                origins.put(event.snippet().id(), new SnippetOrigin(cellNumber, lineOf(cell, snippet.offset())));
                checkCompiled(cell, snippet, event);
                checkRan(event);
                noteUnresolved(event, notes);
                value = valueOf(event);
            }
        }
        return value;
    }

    /**
     * Stops the running cell: loops end at their next turn, sleeping and waiting threads are interrupted.
     * JShell only stops code that is already running, and an interrupt may come while a snippet still compiles,
     * so it keeps asking until the cell has ended.
     */
    void interrupt() {
        long target;
        synchronized (cellLock) {
            if (!cellRunning) {
                return;
            }
            target = cellGeneration;
            interruptRequested = true;
            shell.stop();
        }
        Thread.ofPlatform().daemon().name("interrupt-cell").start(() -> {
            while (true) {
                try {
                    Thread.sleep(STOP_RETRY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (cellLock) {
                    if (!cellRunning || cellGeneration != target) {
                        return;
                    }
                    shell.stop();
                }
            }
        });
    }

    /** Makes a jar or a folder of classes usable from the next cell on. */
    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** Threads that cells started and that still run (a server, a timer), daemon threads included. */
    List<Thread> threadsLeftByCells() {
        return provider.control().threadsLeftByCells();
    }

    @Override
    public void close() {
        shell.close();
    }

    private void checkCompiled(String cell, CellSnippet snippet, SnippetEvent event) {
        if (event.status() != Snippet.Status.REJECTED) {
            return;
        }
        List<Diag> errors = shell.diagnostics(event.snippet()).filter(Diag::isError).toList();
        throw ErrorFormatter.compilationError(cell, snippet, errors);
    }

    private void checkRan(SnippetEvent event) {
        JShellException thrown = event.exception();
        if (thrown == null) {
            return;
        }
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet waiting = unresolved.getSnippet();
            String headline = name(waiting) + " cannot be used until "
                    + String.join(", ", shell.unresolvedDependencies(waiting).toList()) + " is defined";
            throw ErrorFormatter.exception(thrown, headline, origins::get);
        }
        if (thrown instanceof EvalException eval
                && eval.getExceptionClassName().equals(ExitGuard.ExitNotAvailable.class.getName())) {
            throw new ExceptionInCell(eval.getMessage(), List.of(ErrorFormatter.RED + eval.getMessage()
                    + ErrorFormatter.RESET));
        }
        throw ErrorFormatter.exception(thrown, ErrorFormatter.describe(thrown), origins::get);
    }

    /** JShell keeps a method that uses something not yet defined; say so instead of failing later in silence. */
    private void noteUnresolved(SnippetEvent event, PrintStream notes) {
        if (event.status() != Snippet.Status.RECOVERABLE_DEFINED
                && event.status() != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return;
        }
        if (event.snippet() instanceof DeclarationSnippet declaration) {
            String missing = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
            notes.println("Note: " + name(declaration) + " can be used once " + missing + " is defined.");
        }
    }

    private Optional<CellValue> valueOf(SnippetEvent event) {
        Snippet snippet = event.snippet();
        if (event.value() == null || event.status() != Snippet.Status.VALID) {
            return Optional.empty();
        }
        if (snippet instanceof VarSnippet temp
                && temp.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return Optional.of(read(temp, event.value()));
        }
        if (snippet instanceof ExpressionSnippet expression) {
            // `x` or `x = 5`: the value is the variable's
            return shell.variables()
                    .filter(v -> v.name().equals(expression.name()))
                    .filter(v -> shell.status(v) == Snippet.Status.VALID)
                    .reduce((first, second) -> second)
                    .map(variable -> read(variable, event.value()))
                    .or(() -> Optional.of(new CellValue(event.value(), event.value())));
        }
        return Optional.empty();
    }

    private CellValue read(VarSnippet variable, String text) {
        try {
            shell.varValue(variable);
            return new CellValue(provider.control().lastReadValue(), text);
        } catch (RuntimeException unreadable) {
            return new CellValue(text, text);
        }
    }

    private static String name(DeclarationSnippet snippet) {
        return switch (snippet.kind()) {
            case METHOD -> snippet.name() + "()";
            default -> snippet.name();
        };
    }

    private static int lineOf(String cell, int offset) {
        return 1 + (int) cell.substring(0, offset).chars().filter(c -> c == '\n').count();
    }
}
