package org.learnbox.kernel;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.zeromq.ZMQ;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Plays the notebook for one request: records what the kernel publishes and replies, and answers input
 * requests from a script, without any ZeroMQ traffic (the sockets are never bound).
 */
final class FakeFrontend {

    private static final ZMQ.Context CONTEXT = ZMQ.context(1);

    private final JavaKernel kernel;
    private final List<Message<?>> published = new CopyOnWriteArrayList<>();
    private final List<Message<?>> replies = new CopyOnWriteArrayList<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<String> stdoutWhenAsked = new CopyOnWriteArrayList<>();

    FakeFrontend(JavaKernel kernel) {
        this.kernel = kernel;
    }

    /** Lines the learner will type, one per input_request. */
    FakeFrontend answering(String... lines) {
        answers.addAll(List.of(lines));
        return this;
    }

    Execution execute(String code) {
        return execute(code, true);
    }

    Execution execute(String code, boolean allowStdin) {
        Message<ExecuteRequest> request = new Message<>(null, ExecuteRequest.MESSAGE_TYPE,
                new ExecuteRequest(code, false, true, Map.of(), allowStdin, true));
        ShellReplyEnvironment env = environment(request);
        kernel.handleExecuteRequest(env, request);
        env.resolveDeferrals();
        return execution();
    }

    /** Runs a cell on another thread, as the shell channel would, so the test can watch and interrupt it. */
    CompletableFuture<Execution> executeInBackground(String code) {
        return CompletableFuture.supplyAsync(() -> execute(code));
    }

    /** Any other shell request, through the kernel's handler for it, as the shell channel would pass it. */
    <T> Execution send(Message<T> request, BiConsumer<ShellReplyEnvironment, Message<T>> handler) {
        ShellReplyEnvironment env = environment(request);
        handler.accept(env, request);
        env.resolveDeferrals();
        return execution();
    }

    /** Waits (bounded) until the running cell has printed something matching. */
    void awaitStdout(Predicate<String> seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seen.test(execution().stdout())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("cell never printed what was expected; stdout: " + execution().stdout());
            }
            Thread.sleep(20);
        }
    }

    /** What the cell had printed each time it asked for input. */
    List<String> stdoutWhenAsked() {
        return stdoutWhenAsked;
    }

    Execution execution() {
        return new Execution(List.copyOf(published), List.copyOf(replies));
    }

    private ShellReplyEnvironment environment(Message<?> request) {
        ShellChannel shell = new ShellChannel(CONTEXT, HMACGenerator.NO_AUTH_INSTANCE, false, null) {
            @Override
            public synchronized void sendMessage(Message<?> message) {
                replies.add(message);
            }
        };
        IOPubChannel iopub = new IOPubChannel(CONTEXT, HMACGenerator.NO_AUTH_INSTANCE) {
            @Override
            public synchronized void sendMessage(Message<?> message) {
                published.add(message);
            }
        };
        return new ShellReplyEnvironment(shell, null, iopub, request) {
            @Override
            public String readFromStdIn(String prompt, boolean isPassword) {
                stdoutWhenAsked.add(execution().stdout());
                if (answers.isEmpty()) {
                    throw new AssertionError("the cell asked for more input than the test typed");
                }
                return answers.poll() + System.lineSeparator();
            }
        };
    }
}
