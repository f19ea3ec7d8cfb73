package org.learnbox.bridge.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** A tar of text files under a folder, every entry the learner's own (uid and gid 1000). */
final class LearnerTar {
    private static final int LEARNER = 1000;

    private LearnerTar() {}

    static byte[] of(String folder, Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            StringBuilder path = new StringBuilder();
            for (String part : folder.split("/")) {
                path.append(part).append('/');
                TarArchiveEntry dir = new TarArchiveEntry(path.toString());
                own(dir, 040755);
                tar.putArchiveEntry(dir);
                tar.closeArchiveEntry();
            }
            for (var file : files.entrySet()) {
                put(tar, path + file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8), 0100644);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One file in a folder only the learner may read: a secret of theirs, such as the hub's token. */
    static byte[] privateFile(String folder, String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry dir = new TarArchiveEntry(folder + "/");
            own(dir, 040700);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            put(tar, folder + "/" + name, content, 0100600);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(TarArchiveOutputStream tar, String path, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(path);
        own(entry, mode);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void own(TarArchiveEntry entry, int mode) {
        entry.setMode(mode);
        entry.setUserId(LEARNER);
        entry.setGroupId(LEARNER);
    }
}
