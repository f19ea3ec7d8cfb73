package org.learnbox.bridge.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** The one way a command runs in a running container: its output streamed where the caller says. */
public final class ContainerExec {
    private ContainerExec() {}

    /**
     * Runs {@code command} in {@code container} as {@code user} (null: the image's user); answers
     * its exit code, or nothing when it did not end within {@code timeout}. An output that
     * refuses a write ends the run with that refusal.
     */
    public static OptionalLong run(DockerClient docker, String container, String user, Duration timeout, OutputStream stdout,
            OutputStream stderr, List<String> command) throws IOException, InterruptedException {
        var create = docker.execCreateCmd(container).withCmd(command.toArray(String[]::new)).withAttachStdout(true).withAttachStderr(true);
        if (user != null) create.withUser(user);
        String exec = create.exec().getId();
        IOException[] refused = new IOException[1];
        try (ResultCallback.Adapter<Frame> frames = docker.execStartCmd(exec).exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).write(frame.getPayload());
                } catch (IOException e) {
                    refused[0] = e;
                    onError(e);
                }
            }
        })) {
            boolean ended = frames.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (refused[0] != null) throw refused[0];
            if (!ended) return OptionalLong.empty();
        }
        Long exit = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        return OptionalLong.of(exit == null ? -1 : exit);
    }

    /** Keeps the first bytes written to it: enough of a command's errors to say what went wrong. */
    public static final class FirstBytes extends OutputStream {
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private final int limit;

        public FirstBytes(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            if (kept.size() < limit) kept.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            kept.write(bytes, offset, Math.max(0, Math.min(length, limit - kept.size())));
        }

        public byte[] bytes() {
            return kept.toByteArray();
        }

        @Override
        public String toString() {
            return kept.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }
}
