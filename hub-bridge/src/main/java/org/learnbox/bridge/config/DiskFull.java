package org.learnbox.bridge.config;

/** A disk without room, as Java says it (ENOSPC, EDQUOT), anywhere in an error's causes. */
public final class DiskFull {
    private DiskFull() {}

    public static boolean isCause(Throwable error) {
        return Causes.any(error, t -> String.valueOf(t.getMessage()).contains("No space left on device")
                || String.valueOf(t.getMessage()).contains("Disk quota exceeded"));
    }
}
