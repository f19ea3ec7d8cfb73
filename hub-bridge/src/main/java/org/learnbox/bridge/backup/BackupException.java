package org.learnbox.bridge.backup;

import org.learnbox.bridge.config.DiskFull;
import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/** A backup that could not be made, or an archive that is refused; nothing was changed. */
public class BackupException extends Refusal {
    public BackupException(String key, Object... arguments) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, key, arguments);
    }

    public BackupException(Throwable cause, String key, Object... arguments) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, cause, key, arguments);
    }

    /** An archive that could not be written where it goes; a full disk is said as such. */
    public static BackupException notWritten(String where, Throwable cause) {
        if (DiskFull.isCause(cause)) return new BackupException(cause, "backup.refused.disk-full", where);
        return new BackupException(cause, "backup.refused.not-written", where, cause.getMessage());
    }
}
