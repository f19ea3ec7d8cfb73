package org.learnbox.bridge.devops;

/** A repository or token action refused, in words; nothing was changed. */
public class RepoException extends RuntimeException {
    public RepoException(String message) {
        super(message);
    }
}
