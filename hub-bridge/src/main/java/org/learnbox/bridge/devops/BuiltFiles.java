package org.learnbox.bridge.devops;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.learnbox.bridge.app.AppFiles;

/** What a build made, as Docker hands a folder over: a tar whose first path segment is the folder. */
final class BuiltFiles {
    private BuiltFiles() {}

    /** The largest jar at the top of the folder, leaving out sources and javadoc jars; null when there is none. */
    static byte[] largestJar(byte[] tar) {
        byte[] largest = null;
        try (TarArchiveInputStream entries = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry; (entry = entries.getNextEntry()) != null; ) {
                String path = inFolder(entry.getName());
                if (!entry.isFile() || path.contains("/") || !path.endsWith(".jar") || path.endsWith("-sources.jar")
                        || path.endsWith("-javadoc.jar") || path.startsWith("original-")) continue;
                byte[] content = entries.readAllBytes();
                if (largest == null || content.length > largest.length) largest = content;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return largest;
    }

    /** Every plain file of the folder, its .git aside. */
    static AppFiles all(byte[] tar, long maxBytes) {
        AppFiles files = new AppFiles(maxBytes);
        try (TarArchiveInputStream entries = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry; (entry = entries.getNextEntry()) != null; ) {
                String path = inFolder(entry.getName());
                if (!entry.isFile() || path.isEmpty() || path.startsWith(".git/")) continue;
                files.add(path, entries.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String inFolder(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1);
    }
}
