package org.learnbox.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that wakes as soon as a request arrives. The library's channel
 * polls, then sleeps 50 ms, which added 25-50 ms to every request; this one blocks in ZeroMQ's
 * poll instead. Its socket is only ever touched by its own thread, which also closes it.
 */
final class PromptShellChannel extends ShellChannel {
    private static final int WAKE_TO_CHECK_CLOSE_MS = 100;

    private final boolean control;
    private final JupyterConnection connection;
    private volatile boolean running;
    private Thread loop;

    PromptShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection, 0);
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        int port = control ? properties.getControlPort() : properties.getShellPort();
        bind(properties.getTransport() + "://" + properties.getIp() + ":" + port);
        running = true;
        loop = Thread.ofPlatform().name(control ? "control-channel" : "shell-channel").start(this::serve);
    }

    private void serve() {
        try (ZMQ.Poller poller = ctx.poller(1)) {
            poller.register(this, ZMQ.Poller.POLLIN);
            while (running) {
                if (poller.poll(WAKE_TO_CHECK_CLOSE_MS) > 0 && running) {
                    handle(readMessage());
                }
            }
        } finally {
            super.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Message message) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            logger.warn("Unhandled message: {}", message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            logger.warn("Unhandled exception handling {}: {}", message.getHeader().getType().getName(), e.toString());
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    /** Asks the channel's thread to stop; it closes the socket itself on its way out. */
    @Override
    public void close() {
        running = false;
    }

    @Override
    public void waitUntilClose() {
        if (loop == null) return;
        try {
            loop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
