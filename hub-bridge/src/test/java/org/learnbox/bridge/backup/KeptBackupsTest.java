package org.learnbox.bridge.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnbox.bridge.MovingClock;
import org.springframework.jdbc.core.JdbcTemplate;

/** The box's own backups in a real folder: the kept count, and a failing night that removes nothing. */
class KeptBackupsTest {
    @TempDir Path data;
    @TempDir Path folder;

    private final InMemoryBoxVolumes volumes = new InMemoryBoxVolumes();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T02:30:00Z"));
    private KeptBackups kept;

    @BeforeEach
    void aBoxWithOneLearner() {
        Flyway flyway = BackupServiceTest.migrated(data);
        volumes.homes.put("ada", "ada's home".getBytes());
        BackupService backups = BackupServiceTest.backups(new JdbcTemplate(flyway.getConfiguration().getDataSource()), flyway, BackupServiceTest.properties(data), volumes);
        kept = new KeptBackups(backups, new BackupSettings(folder.toString(), "-", 2), BackupServiceTest.properties(data), clock);
    }

    @Test
    void onlyTheNewestAreKeptOnceANewOneIsWhole() throws IOException {
        for (int night = 0; night < 3; night++) {
            KeptBackups.Run run = kept.makeOne();
            assertThat(run.outcome()).as(run.message()).isEqualTo("done");
            clock.advance(Duration.ofDays(1));
        }
        assertThat(kept.list()).extracting(KeptBackups.Kept::name).containsExactly(
                "learnbox-backup-backup-test-20261204-023000.tar.gz", "learnbox-backup-backup-test-20261203-023000.tar.gz");
        assertThat(kept.last().message()).contains("the 1 oldest beyond the 2 kept went");
        try (var archive = Files.newInputStream(folder.resolve(kept.list().getFirst().name()))) {
            assertThat(BackupArchive.verify(archive).entries()).extracting(BackupManifest.Entry::path).contains("homes/ada.tar");
        }
    }

    @Test
    void aBackupThatFillsTheDiskIsRemovedAndTheKeptOnesStay() throws IOException {
        kept.makeOne();
        clock.advance(Duration.ofDays(1));
        kept.makeOne();
        clock.advance(Duration.ofDays(1));
        var before = kept.list();
        volumes.homes.put("bo", null); // bo's home fails as a full disk does, midway through the backup

        KeptBackups.Run run = kept.makeOne();

        assertThat(run.failed()).isTrue();
        assertThat(run.message()).startsWith("The disk where the backup goes (" + folder + ") is full")
                .contains("every backup kept before is still there");
        assertThat(kept.list()).isEqualTo(before);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void aSecondBackupWhileOneRunsIsNotStarted() throws Exception {
        volumes.slowExport = new java.util.concurrent.CountDownLatch(1);
        assertThat(kept.startOne()).isTrue();
        assertThat(kept.startOne()).isFalse();
        assertThat(kept.last().running()).isTrue();
        volumes.slowExport.countDown();
        Instant deadline = Instant.now().plusSeconds(30);
        while (kept.last().running()) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(20);
        }
        assertThat(kept.last().outcome()).isEqualTo("done");
    }
}
