package org.learnbox.bridge.sandbox;

/** A file read from a learner's home: its size, and its bytes unless it had more than the reader asked for. */
public record HomeRead(long size, byte[] bytes) {
    public boolean tooBig() {
        return bytes == null;
    }
}
