package org.learnbox.bridge.assignment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Files by relative path, kept in the database as one tar: an assignment's source folder, a
 * submission's notebooks, the graded notebooks. Reading is bounded and takes only plain
 * relative paths, since a tar may come from a learner's home.
 */
final class FileBundle {
    private FileBundle() {}

    static byte[] pack(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                entry.setMode(0100644);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> unpack(byte[] tar) {
        return read(new ByteArrayInputStream(tar), "", Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * The regular files of a tar stream under {@code prefix} (the prefix taken off), keyed by
     * relative path; at most {@code mostFiles} and {@code mostBytes} in all, or refused with
     * {@code assignment.refused.too-large}. Links, devices and paths that climb out are skipped.
     */
    static Map<String, byte[]> read(InputStream stream, String prefix, int mostFiles, long mostBytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long bytes = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(stream)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!entry.isFile() || !name.startsWith(prefix)) continue;
                String relative = name.substring(prefix.length());
                if (relative.isEmpty() || relative.startsWith("/") || relative.contains("..") || relative.contains("\\")) continue;
                bytes += entry.getSize();
                if (files.size() >= mostFiles || bytes > mostBytes) {
                    throw new AssignmentException(AssignmentProblem.of("too-large", mostFiles, mostBytes / 1024 / 1024));
                }
                files.put(relative, tar.readNBytes((int) entry.getSize()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Writes the files under a new scratch folder, which the caller removes with {@link #delete}. */
    static Path scratch(Map<String, byte[]> files) {
        try {
            Path folder = Files.createTempDirectory("learnbox-assignment-");
            for (var file : files.entrySet()) {
                Path target = folder.resolve(file.getKey()).normalize();
                if (!target.startsWith(folder)) continue;
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, byte[]> readFolder(Path folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString();
                if (relative.startsWith(".git/")) continue;
                files.put(relative, Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder left in /tmp is harmless
        }
    }
}
