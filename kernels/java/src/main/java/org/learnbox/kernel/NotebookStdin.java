package org.learnbox.kernel;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code System.in} while a cell runs: reads ask the notebook for a line ({@code input_request}). When the
 * frontend said it cannot answer, reading fails with a message saying so, instead of a puzzling end of input.
 */
final class NotebookStdin extends InputStream {

    private final InputStream frontend;
    private volatile boolean allowed;

    NotebookStdin(InputStream frontend) {
        this.frontend = frontend;
    }

    void allow(boolean allowed) {
        this.allowed = allowed;
    }

    @Override
    public int read() throws IOException {
        checkAllowed();
        return frontend.read();
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        checkAllowed();
        return frontend.read(into, offset, length);
    }

    @Override
    public int available() throws IOException {
        return frontend.available();
    }

    private void checkAllowed() {
        if (!allowed) {
            throw new InputNotAvailableException();
        }
    }
}
