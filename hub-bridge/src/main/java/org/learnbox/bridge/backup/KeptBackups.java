package org.learnbox.bridge.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.learnbox.bridge.config.DiskFull;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.Sizes;
import org.learnbox.bridge.config.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The backups the box makes itself, into its backups folder: every night, and when the admin
 * asks. A backup is written under a temporary name and takes its own only when whole; only then
 * do the oldest beyond the kept count go, so a night that fails (a full disk) removes nothing.
 */
@Service
public class KeptBackups {
    private static final Logger log = LoggerFactory.getLogger(KeptBackups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String PREFIX = "learnbox-backup-";
    private static final String SUFFIX = ".tar.gz";
    private static final String PARTIAL = ".partial";

    /** One of the kept backups. */
    public record Kept(String name, long bytes, Instant made) {}

    /** How the last backup went, or goes: running, done, or failed with its reason (in words of the bundles). */
    public record Run(Instant started, Instant ended, String outcome, MessageSourceResolvable words) {
        /** The words in English. */
        public String message() {
            return Words.english(words);
        }

        public boolean running() {
            return ended == null;
        }

        public boolean failed() {
            return "failed".equals(outcome);
        }
    }

    private final BackupService backups;
    private final BackupSettings settings;
    private final String box;
    private final Clock clock;
    private final AtomicReference<Run> last = new AtomicReference<>();

    KeptBackups(BackupService backups, BackupSettings settings, LearnboxProperties properties, Clock clock) {
        this.backups = backups;
        this.settings = settings;
        this.box = properties.box();
        this.clock = clock;
    }

    @Scheduled(cron = "${learnbox.backups.schedule:0 30 2 * * *}")
    void nightly() {
        makeOne();
    }

    /** Starts a backup in the background unless one runs; answers false when one runs already. */
    public boolean startOne() {
        Run claimed = claim();
        if (claimed == null) return false;
        Thread.ofVirtual().name("backup").start(() -> write(claimed.started()));
        return true;
    }

    /** Writes one backup now, in this thread; answers how it went (the running one's state when one runs already). */
    public Run makeOne() {
        Run claimed = claim();
        return claimed == null ? last.get() : write(claimed.started());
    }

    /** Marks a backup as running; null when one runs already. */
    private Run claim() {
        Run running = new Run(clock.instant(), null, "running", Words.phrase("backup.run.running"));
        Run before = last.get();
        return before != null && before.running() || !last.compareAndSet(before, running) ? null : running;
    }

    public Run last() {
        return last.get();
    }

    public BackupSettings settings() {
        return settings;
    }

    /** The kept backups, newest first. */
    public List<Kept> list() {
        Path folder = Path.of(settings.folder());
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(KeptBackups::isKept).sorted((a, b) -> b.getFileName().compareTo(a.getFileName()))
                    .map(file -> new Kept(file.getFileName().toString(), size(file), modified(file))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Run write(Instant started) {
        Path folder = Path.of(settings.folder());
        String name = PREFIX + box + "-" + STAMP.format(started) + SUFFIX;
        Path partial = folder.resolve(name + PARTIAL);
        Run outcome;
        try {
            Files.createDirectories(folder);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                backups.write(out);
            }
            Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            int removed = removeBeyondKept();
            Duration took = Duration.between(started, clock.instant());
            String size = Sizes.shown(size(folder.resolve(name)));
            outcome = new Run(started, clock.instant(), "done", removed > 0
                    ? Words.phrase("backup.run.done-removed", name, size, took.toSeconds(), removed, settings.keep())
                    : Words.phrase("backup.run.done", name, size, took.toSeconds()));
            log.info("backup {}", outcome.message());
        } catch (RuntimeException | IOException e) {
            deleteQuietly(partial);
            BackupException reason = e instanceof BackupException refused && !DiskFull.isCause(e) ? refused
                    : BackupException.notWritten(folder.toString(), e);
            outcome = new Run(started, clock.instant(), "failed", reason);
            log.warn("backup failed: {}", reason.getMessage());
        }
        last.set(outcome);
        return outcome;
    }

    private int removeBeyondKept() throws IOException {
        List<Kept> kept = list();
        int removed = 0;
        for (Kept old : kept.subList(Math.min(Math.max(settings.keep(), 1), kept.size()), kept.size())) {
            Files.deleteIfExists(Path.of(settings.folder()).resolve(old.name()));
            removed++;
        }
        return removed;
    }

    private static boolean isKept(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && Files.isRegularFile(file);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not remove {}: {}", file, e.getMessage());
        }
    }
}
