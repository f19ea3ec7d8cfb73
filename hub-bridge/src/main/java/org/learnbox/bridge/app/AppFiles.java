package org.learnbox.bridge.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An app's files, by relative path: only plain files in plain folders, nothing that points
 * outside (no links, no devices, no "..", no absolute paths), and not more than the box allows.
 */
public final class AppFiles {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");
    static final int MAX_FILES = 500;

    private final TreeMap<String, byte[]> files = new TreeMap<>();
    private final long maxBytes;
    private long bytes;

    /** Files of an app, at most {@code maxBytes} together; {@link #add} refuses more in words. */
    public AppFiles(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The files of a tar stream as Docker gives a folder: its own name first, then what is in it. */
    static AppFiles fromFolderTar(InputStream tar, String folder, long maxBytes) throws IOException {
        AppFiles files = new AppFiles(maxBytes);
        try (TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
            for (TarArchiveEntry entry; (entry = entries.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String path = slash < 0 ? "" : name.substring(slash + 1);
                if (path.isEmpty() || path.endsWith("/") && entry.isDirectory()) continue;
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw new AppException("app.refused.link", folder, path);
                }
                if (!entry.isFile()) continue;
                files.add(path, entries.readAllBytes());
            }
        }
        return files;
    }

    public void add(String path, byte[] content) {
        requireSafe(path);
        if (files.size() >= MAX_FILES) {
            throw new AppException("app.refused.too-many-files", MAX_FILES);
        }
        bytes += content.length;
        if (bytes > maxBytes) {
            throw new AppException("app.refused.too-big", maxBytes / 1024);
        }
        files.put(path, content);
    }

    static void requireSafe(String path) {
        if (path.startsWith("/") || path.contains("\\")) {
            throw new AppException("app.refused.path-outside", path);
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new AppException("app.refused.file-name", path);
            }
        }
    }

    public boolean has(String path) {
        return files.containsKey(path);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(files.keySet());
    }

    public String text(String path) {
        byte[] content = files.get(path);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** A docker build context: the Dockerfile given, and every file under app/. */
    byte[] buildContext(String dockerfile) throws IOException {
        return tar(dockerfile);
    }

    /** Every file under app/, as {@link #fromFolderTar} reads a folder back. */
    byte[] asTar() throws IOException {
        return tar(null);
    }

    private byte[] tar(String dockerfile) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            if (dockerfile != null) put(tar, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8));
            for (var file : files.entrySet()) put(tar, "app/" + file.getKey(), file.getValue());
        }
        return out.toByteArray();
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
