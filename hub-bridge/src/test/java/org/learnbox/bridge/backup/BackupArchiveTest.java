package org.learnbox.bridge.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

class BackupArchiveTest {
    private static final BackupManifest ABOUT = new BackupManifest(0, Instant.parse("2026-12-02T09:00:00Z"), "learnbox",
            "0.1.0", "6", List.of());

    @Test
    void everyEntryComesBackWithItsSizeAndHashAndTheManifestSaysWhereItCameFrom() throws IOException {
        byte[] archive = archive(Map.of("bridge/db.zip", "the database", "git/ada/quiz.git/HEAD", "ref: refs/heads/main\n",
                "git/ada/quiz.git/refs/heads/main", "0123abcd\n"));

        BackupManifest manifest = BackupArchive.verify(new ByteArrayInputStream(archive));

        assertThat(manifest.format()).isEqualTo(BackupManifest.FORMAT);
        assertThat(manifest.schemaVersion()).isEqualTo("6");
        assertThat(manifest.entries()).extracting(BackupManifest.Entry::path)
                .containsExactly("bridge/db.zip", "git/ada/quiz.git/HEAD", "git/ada/quiz.git/refs/heads/main");
        assertThat(manifest.entries().getFirst().size()).isEqualTo(12);
        assertThat(manifest.entries().getFirst().sha256())
                .isEqualTo(java.util.HexFormat.of().formatHex(sha256("the database")));
        assertThat(manifest.bytes()).isEqualTo(12 + 21 + 9);
    }

    @Test
    void anArchiveCutShortIsRefusedInWords() throws IOException {
        byte[] archive = archive(Map.of("bridge/db.zip", "x".repeat(200_000)));
        for (int keep : new int[] {archive.length / 2, archive.length - 30}) {
            assertThatThrownBy(() -> BackupArchive.verify(new ByteArrayInputStream(Arrays.copyOf(archive, keep))))
                    .isInstanceOf(BackupException.class).hasMessageContaining("cut short").hasMessageContaining("Nothing was changed.");
        }
    }

    @Test
    void anEntryChangedAfterTheBackupWasWrittenIsRefused() throws IOException {
        byte[] archive = archive(Map.of("bridge/db.zip", "the database", "snippets/a/1/main.py", "print(1)"));
        byte[] tampered = rewrite(archive, "snippets/a/1/main.py", "print(2)");
        assertThatThrownBy(() -> BackupArchive.verify(new ByteArrayInputStream(tampered)))
                .isInstanceOf(BackupException.class)
                .hasMessage("snippets/a/1/main.py in this backup is not what was written (its SHA-256 differs). Nothing was changed.");
    }

    @Test
    void somethingElseIsNotABackup() {
        assertThatThrownBy(() -> BackupArchive.verify(new ByteArrayInputStream("just a text file".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(BackupException.class).hasMessageStartingWith("This is not a LearnBox backup, or it is damaged");
    }

    @Test
    void aBackupOfANewerFormatIsRefused() throws IOException {
        byte[] archive = archive(Map.of("bridge/db.zip", "db"));
        byte[] newer = rewrite(archive, BackupManifest.NAME, null);
        assertThatThrownBy(() -> BackupArchive.verify(new ByteArrayInputStream(newer)))
                .isInstanceOf(BackupException.class).hasMessageContaining("written by a newer LearnBox (format 2)");
    }

    private static byte[] archive(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BackupArchive.Writer writer = new BackupArchive.Writer(out)) {
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
                byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
                writer.add(file.getKey(), bytes.length, new ByteArrayInputStream(bytes));
            }
            writer.finish(ABOUT);
        }
        return out.toByteArray();
    }

    /** The same archive with one entry's content replaced (null: the manifest's format raised). */
    private static byte[] rewrite(byte[] archive, String path, String content) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) entries.put(entry.getName(), in.readAllBytes());
        }
        if (content == null) {
            entries.put(path, new String(entries.get(path), StandardCharsets.UTF_8).replace("\"format\":1", "\"format\":2")
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            entries.put(path, content.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey());
                tarEntry.setSize(entry.getValue().length);
                tar.putArchiveEntry(tarEntry);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
