package org.learnbox.bridge.config;

import java.util.regex.Pattern;

/**
 * What a teacher may give the box to clone from: a git server's address (or ssh's user@host:path),
 * never a path of the box's own disk, where other people's repositories are.
 */
public final class GitServerAddress {
    private static final Pattern SERVER = Pattern.compile("(?i)(https?|git|ssh)://\\S+|[\\w.-]+@[\\w.-]+:\\S+");

    private GitServerAddress() {}

    public static boolean isServer(String url) {
        return url != null && SERVER.matcher(url.strip()).matches();
    }
}
