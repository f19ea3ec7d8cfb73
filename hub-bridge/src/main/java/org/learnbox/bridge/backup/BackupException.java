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
}
