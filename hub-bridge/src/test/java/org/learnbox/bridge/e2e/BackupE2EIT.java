package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.learnbox.bridge.backup.BackupArchive;
import org.learnbox.bridge.backup.BackupManifest;

/** A backup of the running box through ./box, and through the bridge's own command with Docker alone. */
@ExtendWith(RunningBox.class)
class BackupE2EIT {
    private final RunningBox box = RunningBox.get();

    @TempDir Path dir;

    @Test
    void aBackupOfTheRunningBoxIsWrittenWholeAndACopyCutShortOrSomethingElseIsRefused() throws Exception {
        box.addUser("saver");
        Path backup = dir.resolve("box.tar.gz");
        Shell.Result made = box.box(null, "backup", backup.toString());
        assertThat(made.exitCode()).as(made.stderr()).isZero();
        assertThat(made.stderr()).containsPattern("backup written: \\d+ files, \\d+ bytes, of box '" + box.project
                + "' version \\S+ \\(schema \\d+\\)");
        assertThat(made.stdout()).isEqualTo("the backup is in " + backup + "\n");

        List<String> database = new ArrayList<>();
        BackupManifest manifest;
        try (InputStream archive = Files.newInputStream(backup)) {
            manifest = BackupArchive.read(archive, (path, content) -> {
                if (!path.equals("bridge/database.zip")) return;
                try (ZipInputStream zip = new ZipInputStream(content)) {
                    for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) database.add(entry.getName());
                }
            });
        }
        assertThat(database).contains("bridge.mv.db");
        assertThat(manifest.entries()).extracting(BackupManifest.Entry::path)
                .contains("bridge/database.zip").anyMatch(path -> path.startsWith("bridge/courses/java-from-zero"));

        Shell.Result verified = box.box(null, "backup", "verify", backup.toString());
        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
        assertThat(verified.stdout()).startsWith("backup whole: " + manifest.entries().size() + " files");

        byte[] bytes = Files.readAllBytes(backup);
        Path cut = dir.resolve("cut.tar.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        Shell.Result refused = box.box(null, "backup", "verify", cut.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("This backup is cut short", "Nothing was changed.");
        Path notOne = dir.resolve("notes.txt");
        Files.writeString(notOne, "just notes");
        assertThat(box.box(null, "backup", "verify", notOne.toString()).stderr()).contains("This is not a LearnBox backup");

        Shell.Result version = box.box(null, "version");
        assertThat(version.stdout()).isEqualTo("LearnBox " + manifest.boxVersion() + ", database schema " + manifest.schemaVersion() + "\n");
        assertThat(box.docker("image", "inspect", "-f", "{{index .Config.Labels \"org.opencontainers.image.version\"}}",
                "learnbox/bridge:latest").stdout().strip()).isEqualTo(manifest.boxVersion());

        // A disk that fills up while the backup is written: refused in words, and nothing left behind.
        Shell.Result full = box.docker("run", "--rm", "--network", "host", "--tmpfs", "/small:size=64k",
                "-v", box.project + "_secrets:/run/learnbox:ro", "-e", "LEARNBOX_ADMIN_URL=http://127.0.0.1:" + box.bridgePort,
                "learnbox/bridge:latest", "sh", "-c", "learnbox backup create -o /small/box.tar.gz; echo exit=$?; ls -A /small");
        assertThat(full.stdout()).isEqualTo("exit=1\n");
        assertThat(full.stderr()).contains("learnbox: The disk where the backup goes (/small/box.tar.gz) is full: this backup was not"
                + " written, and nothing else was changed");

        // With Docker alone, the same commands are the bridge's own.
        Shell.Result inside = box.docker("exec", box.project + "-bridge-1", "learnbox", "backup", "--help");
        assertThat(inside.exitCode()).as(inside.stderr()).isZero();
        assertThat(inside.stdout()).contains("Usage: learnbox backup", "create", "verify");
    }
}
