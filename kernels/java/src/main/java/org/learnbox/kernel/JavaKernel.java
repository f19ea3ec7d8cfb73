package org.learnbox.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Java kernel: jjava-jupyter speaks the Jupyter protocol, this class answers it with JShell. Cells run on
 * the shell channel's thread (through JShell's local execution thread); interrupts arrive on the control
 * channel's thread and stop them.
 */
public final class JavaKernel extends BaseKernel {

    static final String KERNEL_NAME = "learnbox-java";
    static final String KERNEL_VERSION = "0.1.0";

    /** JShell and what stands on it; made beside the connection's start, so the kernel answers kernel_info at once. */
    private record Engine(Evaluator evaluator, CodeAssistant assistant, Magics magics) {}

    private final CompletableFuture<Engine> engine;
    private final SessionHistory history;
    private final NotebookStdin stdin;
    private final boolean headless;

    private JavaKernel(JupyterIO io, SessionHistory history, boolean headless) {
        super(KERNEL_NAME, KERNEL_VERSION, languageInfo(), List.of(), history, io, new CommManager(),
                new Renderer(), null, new MagicsRegistry(), false, new StringStyler.Builder().build());
        this.history = history;
        this.headless = headless;
        this.stdin = new NotebookStdin(io.in);
        this.engine = new CompletableFuture<>();
        Thread.ofPlatform().name("jshell-start").daemon().start(() -> {
            try {
                Evaluator evaluator = new Evaluator(kernelClasspath());
                engine.complete(new Engine(evaluator, new CodeAssistant(evaluator.analysis(), evaluator.splitter()),
                        new Magics(this, evaluator)));
            } catch (Throwable failure) {
                engine.completeExceptionally(failure);
            }
        });
    }

    /** Waits for JShell the first time (it is usually ready before the learner runs a cell). */
    private Engine engine() {
        try {
            return engine.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The Java kernel could not start JShell: " + e.getCause(), e.getCause());
        }
    }

    /** A kernel ready to answer; it becomes the notebook kernel that {@link Display} talks to. */
    public static JavaKernel start() {
        return start(false);
    }

    /**
     * A kernel without Jupyter, for the {@link NotebookRunner}: cells write to this process's own stdout and stderr,
     * and what they display is printed there as text.
     */
    static JavaKernel startHeadless() {
        return start(true);
    }

    private static JavaKernel start(boolean headless) {
        JavaKernel kernel = new JavaKernel(new JupyterIO(StandardCharsets.UTF_8), new SessionHistory(), headless);
        kernel.onStartup();
        if (!headless) WindowNotice.watch(kernel);
        return kernel;
    }

    static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java")
                .fileExtension(".java")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    @Override
    public Object evalRaw(String code) {
        int cellNumber = executionCount.get() - 1; // BaseKernel counted this cell before calling us
        Engine ready = engine();
        return ready.magics().eval(code, java -> ready.evaluator().eval(java, cellNumber, System.err)
                .map(value -> toDisplayData(value.object(), value.text()))
                .orElse(null));
    }

    /**
     * Runs a cell outside Jupyter (the {@link NotebookRunner}), as the notebook's cell {@code [cellNumber]}; its
     * output goes wherever System.out and System.err go. Returns its value, or null; throws as {@link #eval} does.
     */
    DisplayData evalCell(int cellNumber, String code) {
        executionCount.set(cellNumber + 1); // as BaseKernel leaves it while it runs a cell
        return eval(code);
    }

    /** Threads that cells started and that still run, daemon threads included. */
    List<Thread> threadsLeftByCells() {
        return engine().evaluator().threadsLeftByCells();
    }

    Magics magics() {
        return engine().magics();
    }

    /** Without a notebook to show it, what a cell displays is printed as its text. */
    @Override
    public void display(DisplayData data) {
        if (!headless) {
            super.display(data);
            return;
        }
        Object text = data.getData(MIMEType.TEXT_PLAIN);
        if (text != null) {
            System.out.println(text);
        }
    }

    /** Display data for a value: its richest rendering, with JShell's way of showing it as the plain text. */
    DisplayData toDisplayData(Object value, String text) {
        if (value instanceof DisplayData data) {
            return data;
        }
        if (value == null) {
            return new DisplayData(text);
        }
        DisplayData data = renderer.render(value);
        data.putText(text);
        return data;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return engine().assistant().inspect(code, at);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Engine ready = engine();
        return ready.magics().completeName(code, at).orElseGet(() -> ready.assistant().complete(code, at));
    }

    @Override
    public String isComplete(String code) {
        return engine().assistant().isComplete(code);
    }

    @Override
    public void interrupt() {
        if (engine.isDone() && !engine.isCompletedExceptionally()) {
            engine.join().evaluator().interrupt();
        }
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellError error) {
            return error.traceback();
        }
        return super.formatError(e);
    }

    @Override
    protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        if (request.shouldStoreHistory()) {
            history.add(executionCount.get(), request.getCode());
        }
        stdin.allow(request.isStdinEnabled());
        super.handleExecuteRequest(env, message);
    }

    /** As the library answers, but with the {@code "status": "ok"} the protocol requires of every reply. */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Replies.KernelInfo("5.3", getName(), getVersion(), getLanguageInfo(), getBanner(),
                getHelpLinks()));
    }

    /** As the library answers, but with {@code "status": "ok"} and the entries as the protocol's triples. */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(ResultFlag.INCLUDE_OUTPUT);
        }
        if (!request.useRaw()) {
            flags.add(ResultFlag.TRANSFORMED_INPUT);
        }
        List<HistoryEntry> found = switch (request) {
            case HistoryRequest.Tail tail -> history.lookupTail(tail.getMaxReturnLength(), flags);
            case HistoryRequest.Range range ->
                    history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            case HistoryRequest.Search search -> {
                if (search.filterUnique()) {
                    flags.add(ResultFlag.UNIQUE);
                }
                yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
            default -> List.of();
        };
        env.reply(new Replies.History(found));
    }

    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        super.replaceOutputStreams(env);
        System.setIn(stdin); // the library's restore, deferred by super, puts the old one back
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        if (engine.isDone() && !engine.isCompletedExceptionally()) {
            engine.join().evaluator().close();
        }
    }

    /** Where the kernel's classes are, so that cells compile against the display API. */
    private static List<String> kernelClasspath() {
        Set<String> paths = new LinkedHashSet<>();
        for (Class<?> type : List.of(Display.class, DisplayData.class, com.google.gson.Gson.class)) {
            try {
                paths.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("Cannot find the kernel's classes for " + type, e);
            }
        }
        return List.copyOf(paths);
    }
}
