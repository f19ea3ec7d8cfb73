package org.learnbox.bridge.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The disk that holds the bridge's data (its database, the git repositories, snippets, apps'
 * sources). Content people send is refused while less than {@code learnbox.data-reserve} is free
 * there, so the database keeps room for its own small writes (logins, records) and never meets a
 * full disk through them.
 */
@Component
public class DataDisk {
    private final Path dir;
    private final long reserve;

    DataDisk(@Value("${learnbox.data-dir}") Path dir, @Value("${learnbox.data-reserve}") DataSize reserve) {
        this.dir = dir;
        this.reserve = reserve.toBytes();
    }

    /** Before content people send is stored: refused in words while there is no room for it. */
    public void requireRoom() {
        if (!hasRoom()) throw new DataDiskFull();
    }

    /** Whether content may be stored: more than the reserve is free (and a disk that cannot be asked is taken as having room). */
    public boolean hasRoom() {
        Path existing = dir.toAbsolutePath();
        while (existing.getParent() != null && !Files.exists(existing)) existing = existing.getParent(); // not made yet
        try {
            return Files.getFileStore(existing).getUsableSpace() > reserve;
        } catch (IOException cannotTell) {
            return true; // a store that then fails says so itself (DiskFull)
        }
    }
}
