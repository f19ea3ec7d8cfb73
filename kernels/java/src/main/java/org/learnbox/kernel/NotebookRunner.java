package org.learnbox.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar learnbox-java-kernel.jar run NOTEBOOK.ipynb}: runs a Java notebook's code cells top to bottom
 * with the kernel's own engine and magics, without Jupyter. What a cell prints goes to this process's stdout and
 * stderr as it prints it; a cell's value is printed as its text, as the notebook shows it in Out. The first cell
 * that fails ends the run.
 * <p>
 * Code cells are numbered as a fresh kernel numbers them after Run All, so that "cell 3 failed" and the error's
 * "cell [3], line 2" both point at In [3].
 */
final class NotebookRunner {

    static final int ALL_RAN = 0;
    static final int A_CELL_FAILED = 1;
    static final int NOT_A_NOTEBOOK = 2;

    private final JavaKernel kernel;

    NotebookRunner(JavaKernel kernel) {
        this.kernel = kernel;
    }

    /**
     * Runs the notebook file as a program: once its cells have run, it goes on while threads they started run
     * (a server keeps serving), as a program's {@code main} would; {@code System.exit} in a cell ends it.
     *
     * @return the exit status: 0 when it ran to its end, 1 when a cell failed, 2 when the file is no Java notebook
     */
    static int runFile(Path file) throws InterruptedException {
        Notebook notebook;
        try {
            notebook = Notebook.read(file);
        } catch (Notebook.Unreadable unreadable) {
            System.err.println(unreadable.getMessage());
            return NOT_A_NOTEBOOK;
        }
        ExitGuard.allowExit();
        NotebookRunner runner = new NotebookRunner(JavaKernel.startHeadless());
        int status = runner.run(notebook);
        if (status == ALL_RAN) {
            runner.awaitThreadsLeftByCells();
        }
        return status;
    }

    /** Runs every code cell in order; stops at the first that fails, after its error and "cell N failed". */
    int run(Notebook notebook) {
        List<String> cells = notebook.codeCells();
        for (int i = 0; i < cells.size(); i++) {
            int number = i + 1;
            DisplayData value;
            try {
                value = kernel.evalCell(number, cells.get(i));
            } catch (RuntimeException failure) {
                System.out.flush(); // what the cell printed before it failed comes first
                kernel.formatError(failure).forEach(line -> System.err.println(withoutColours(line)));
                System.err.println("cell " + number + " failed");
                return A_CELL_FAILED;
            }
            Object text = value == null ? null : value.getData(MIMEType.TEXT_PLAIN);
            if (text != null) {
                System.out.println(text);
            }
            System.out.flush();
        }
        return ALL_RAN;
    }

    /**
     * Waits until no thread a cell started is left. Daemon threads do not count, as the JVM does not wait for them;
     * threads of the kernel's own do not either, so the run ends when the notebook's program has ended.
     */
    void awaitThreadsLeftByCells() throws InterruptedException {
        while (true) {
            Optional<Thread> running = kernel.threadsLeftByCells().stream()
                    .filter(thread -> !thread.isDaemon())
                    .findFirst();
            if (running.isEmpty()) {
                return;
            }
            running.get().join();
        }
    }

    /** The kernel colours its errors for a notebook; a log or a terminal gets the words alone. */
    private static String withoutColours(String line) {
        return line.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
