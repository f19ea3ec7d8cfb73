package org.learnbox.bridge.snippet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.learnbox.bridge.config.DataDiskFull;
import org.learnbox.bridge.config.DiskFull;
import org.learnbox.bridge.config.LearnboxProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Snippet files on the box's data volume, one folder per version: {@code ROOT/ID/vN/NAME}.
 * A version is written in {@code ROOT/.incoming} and moved into place in one step, so a
 * crash leaves either the whole version or none of it; what is left in {@code .incoming}
 * is swept at the next start.
 */
@Component
class SnippetFiles {
    private static final String INCOMING = ".incoming";

    private final Path root;

    @Autowired
    SnippetFiles(LearnboxProperties properties) {
        this(Path.of(properties.snippets().storage()));
    }

    SnippetFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        deleteTree(this.root.resolve(INCOMING));
    }

    /**
     * Writes the files as version {@code number} of the snippet. The caller holds the snippet's
     * lock, so a folder already there is a leftover of an attempt that was never committed.
     */
    void write(String id, int number, List<SnippetFile> files) {
        Path target = versionDir(id, number);
        Path incoming = root.resolve(INCOMING).resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(incoming);
            for (SnippetFile file : files) {
                writeDurably(inside(incoming, file.name()), file.content().getBytes(StandardCharsets.UTF_8));
            }
            Files.createDirectories(target.getParent());
            deleteTree(target);
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (DiskFull.isCause(e)) throw new DataDiskFull(e);
            throw new UncheckedIOException("Could not store version " + number + " of snippet " + id, e);
        } finally {
            deleteTree(incoming);
        }
    }

    /** The files of a version, in the order given; the names come from the database. */
    List<SnippetFile> read(String id, int number, List<String> names) {
        Path dir = versionDir(id, number);
        List<SnippetFile> files = new ArrayList<>(names.size());
        for (String name : names) {
            try {
                files.add(new SnippetFile(name, Files.readString(inside(dir, name), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + name + " of snippet " + id + " version " + number, e);
            }
        }
        return List.copyOf(files);
    }

    /** Forgets a version that was written but not committed. */
    void discard(String id, int number) {
        deleteTree(versionDir(id, number));
    }

    /** Forgets every version of the snippet. */
    void deleteAll(String id) {
        deleteTree(snippetDir(id));
    }

    boolean exists(String id) {
        return Files.exists(snippetDir(id));
    }

    private Path snippetDir(String id) {
        if (!SnippetIds.isWellFormed(id)) throw new IllegalArgumentException("not a snippet id: " + id);
        return root.resolve(id);
    }

    private Path versionDir(String id, int number) {
        return snippetDir(id).resolve("v" + number);
    }

    /** The file's path, refusing any name that would lead out of its folder (the rules refuse them earlier). */
    private static Path inside(Path dir, String name) {
        SnippetRules.checkName(name);
        Path file = dir.resolve(name).normalize();
        if (!dir.equals(file.getParent())) throw new IllegalArgumentException("not a plain file name: " + name);
        return file;
    }

    /** On disk before the version is moved into place, so a power cut cannot leave empty files in it. */
    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true);
        }
    }

    private static void deleteTree(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
