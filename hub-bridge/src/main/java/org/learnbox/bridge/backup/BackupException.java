package org.learnbox.bridge.backup;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A backup that could not be made, or an archive that is refused; nothing was changed. */
public class BackupException extends Refusal {
    public BackupException(String message) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }

    public BackupException(String message, Throwable cause) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, message, cause);
    }

    /** An archive that could not be written where it goes; a full disk is said as such. */
    public static BackupException notWritten(String where, Throwable cause) {
        if (isDiskFull(cause)) {
            return new BackupException("The disk where the backup goes (" + where + ") is full: this backup was not written, and"
                    + " nothing else was changed (every backup kept before is still there). Free some space, or keep fewer"
                    + " backups, and back up again.", cause);
        }
        return new BackupException("The backup could not be written to " + where + " (" + cause.getMessage()
                + "); nothing else was changed.", cause);
    }

    public static boolean isDiskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) return true;
        }
        return false;
    }
}
