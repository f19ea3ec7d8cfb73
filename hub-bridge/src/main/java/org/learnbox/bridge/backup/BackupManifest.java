package org.learnbox.bridge.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup holds, written as its last entry ({@value #NAME}): every other entry with its
 * size and SHA-256, and the versions it came from, so that a restore can refuse an archive
 * that is cut short, changed, or newer than the box.
 */
public record BackupManifest(int format, Instant created, String box, String boxVersion, String schemaVersion,
        List<Entry> entries) {
    public static final String NAME = "manifest.json";
    public static final int FORMAT = 1;

    public record Entry(String path, long size, String sha256) {}

    public long bytes() {
        return entries.stream().mapToLong(Entry::size).sum();
    }
}
