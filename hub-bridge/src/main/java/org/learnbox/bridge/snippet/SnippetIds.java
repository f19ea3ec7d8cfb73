package org.learnbox.bridge.snippet;

import java.util.regex.Pattern;
import org.learnbox.bridge.config.ReadableRandom;

/**
 * Snippet ids like {@code 7hQx2kPmZa}: public snippets are reached by their id alone, so it
 * is random (about 58 bits), URL-safe, and without look-alike letters (base58).
 */
final class SnippetIds {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    static final int LENGTH = 10;
    private static final Pattern WELL_FORMED = Pattern.compile("[" + BASE58 + "]{" + LENGTH + "}");

    private SnippetIds() {}

    static String next() {
        return ReadableRandom.of(BASE58, LENGTH);
    }

    /** Whether the text could be an id; anything else is never looked up, nor used in a path. */
    static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }
}
