package org.learnbox.bridge.snippet;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/**
 * No such snippet, or one the person may not see: the same answer on purpose, so that
 * ids cannot be probed for private snippets.
 */
public class SnippetNotFoundException extends Refusal {
    public SnippetNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "snippet.refused.no-such", id);
    }

    /** Said only to someone who may read the snippet. */
    public SnippetNotFoundException(String id, int version, int newest) {
        super(HttpStatus.NOT_FOUND, "snippet.refused.no-such-version", id, version, newest);
    }
}
