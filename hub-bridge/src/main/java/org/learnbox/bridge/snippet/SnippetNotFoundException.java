package org.learnbox.bridge.snippet;

/**
 * No such snippet, or one the person may not see: the same answer on purpose, so that
 * ids cannot be probed for private snippets.
 */
public class SnippetNotFoundException extends RuntimeException {
    public SnippetNotFoundException(String id) {
        super("There is no snippet \"" + id + "\", or it is not shared with you.");
    }

    /** Said only to someone who may read the snippet. */
    public SnippetNotFoundException(String id, int version, int newest) {
        super("The snippet \"" + id + "\" has no version " + version + "; its versions are 1 to " + newest + ".");
    }
}
