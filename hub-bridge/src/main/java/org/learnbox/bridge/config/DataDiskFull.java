package org.learnbox.bridge.config;

import org.springframework.http.HttpStatus;

/** Content refused because the bridge's data disk has no room for it (see {@link DataDisk#requireRoom}). */
public class DataDiskFull extends Refusal {
    public DataDiskFull() {
        super(HttpStatus.INSUFFICIENT_STORAGE, "box.refused.disk-full");
    }

    /** The disk ran out of room on the way (ENOSPC): what was begun is taken away by the one who began it. */
    public DataDiskFull(Throwable cause) {
        super(HttpStatus.INSUFFICIENT_STORAGE, cause, "box.refused.disk-full");
    }
}
