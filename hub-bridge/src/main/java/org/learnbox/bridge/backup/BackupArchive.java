package org.learnbox.bridge.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup's format: a gzipped tar whose entries are written as they come, each hashed on
 * the way, and whose last entry is the {@link BackupManifest}. Reading one back checks every
 * entry against it before anything is changed.
 */
public final class BackupArchive {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private BackupArchive() {}

    /** Writes entries in order; {@link #finish} adds the manifest. */
    public static final class Writer implements AutoCloseable {
        private final TarArchiveOutputStream tar;
        private final List<BackupManifest.Entry> entries = new ArrayList<>();

        public Writer(OutputStream out) {
            try {
                this.tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        /** One file of the archive, {@code size} bytes read from {@code content}. */
        public void add(String path, long size, InputStream content) throws IOException {
            if (path.equals(BackupManifest.NAME) || path.startsWith("/") || path.contains("..")) {
                throw new IllegalArgumentException("not a path inside a backup: " + path);
            }
            TarArchiveEntry entry = new TarArchiveEntry(path);
            entry.setSize(size);
            tar.putArchiveEntry(entry);
            DigestInputStream hashed = new DigestInputStream(content, sha256());
            long copied = hashed.transferTo(tar);
            if (copied != size) throw new IOException(path + " changed its size while it was read (" + size + " -> " + copied + ")");
            tar.closeArchiveEntry();
            entries.add(new BackupManifest.Entry(path, size, HexFormat.of().formatHex(hashed.getMessageDigest().digest())));
        }

        public BackupManifest finish(BackupManifest about) throws IOException {
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, about.created(), about.box(), about.boxVersion(),
                    about.schemaVersion(), List.copyOf(entries));
            byte[] json = JSON.writeValueAsBytes(manifest);
            TarArchiveEntry entry = new TarArchiveEntry(BackupManifest.NAME);
            entry.setSize(json.length);
            tar.putArchiveEntry(entry);
            tar.write(json);
            tar.closeArchiveEntry();
            tar.finish();
            return manifest;
        }

        @Override
        public void close() throws IOException {
            tar.close();
        }
    }

    /** What to do with each entry of an archive while it is checked. */
    public interface EntrySink {
        void accept(String path, InputStream content) throws IOException;
    }

    /** Checks the whole archive against its manifest, reading every entry; answers the manifest, or refuses in words. */
    public static BackupManifest verify(InputStream archive) {
        return read(archive, (path, content) -> content.transferTo(OutputStream.nullOutputStream()));
    }

    /**
     * Reads the archive, handing each entry to {@code sink} as it comes (into a staging place: the
     * archive is whole only once the manifest at its end agrees), and checks it against the manifest.
     */
    public static BackupManifest read(InputStream archive, EntrySink sink) {
        Map<String, BackupManifest.Entry> seen = new HashMap<>();
        BackupManifest manifest = null;
        InputStream keptOpen = new java.io.FilterInputStream(archive) {
            @Override
            public void close() {
                // the caller's stream: what follows the archive is theirs to read
            }
        };
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new BufferedInputStream(keptOpen)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (!entry.isFile()) continue;
                if (manifest != null) throw new BackupException("backup.refused.after-manifest");
                if (entry.getName().equals(BackupManifest.NAME)) {
                    manifest = JSON.readValue(tar.readAllBytes(), BackupManifest.class);
                    continue;
                }
                DigestInputStream hashed = new DigestInputStream(tar, sha256());
                CountingStream counted = new CountingStream(hashed);
                sink.accept(entry.getName(), counted);
                counted.transferTo(OutputStream.nullOutputStream());
                seen.put(entry.getName(), new BackupManifest.Entry(entry.getName(), counted.count,
                        HexFormat.of().formatHex(hashed.getMessageDigest().digest())));
            }
        } catch (java.io.EOFException cutShort) {
            throw new BackupException(cutShort, "backup.refused.cut-short");
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof BackupException refused) throw refused;
            throw new BackupException(unreadable, "backup.refused.unreadable", unreadable.getMessage());
        }
        if (manifest == null) throw new BackupException("backup.refused.no-manifest");
        if (manifest.format() > BackupManifest.FORMAT) {
            throw new BackupException("backup.refused.newer-format", manifest.format());
        }
        for (BackupManifest.Entry listed : manifest.entries()) {
            BackupManifest.Entry found = seen.remove(listed.path());
            if (found == null) throw new BackupException("backup.refused.lacks", listed.path());
            if (found.size() != listed.size() || !found.sha256().equals(listed.sha256())) {
                throw new BackupException("backup.refused.changed", listed.path());
            }
        }
        if (!seen.isEmpty()) {
            throw new BackupException("backup.refused.unlisted", seen.keySet().iterator().next());
        }
        return manifest;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts what passes; never closes the tar under it. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public void close() {
            // the tar's entry ends by itself
        }
    }
}
