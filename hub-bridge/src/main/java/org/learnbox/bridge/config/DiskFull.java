package org.learnbox.bridge.config;

/** A disk without room, as Java says it (ENOSPC, EDQUOT), anywhere in an error's causes. */
public final class DiskFull {
    private DiskFull() {}

    public static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) return true;
        }
        return false;
    }
}
