package org.learnbox.bridge.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.learnbox.bridge.config.BoxVersion;
import org.learnbox.bridge.config.LearnboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A backup of the box while it runs: the bridge's database (H2's online backup, a consistent
 * copy), the folders of courses, snippets and learners' git repositories, every learner's home
 * (a tar each, read while they work), the hub's database and the box's settings. A git
 * repository is copied refs first, then objects, so that every ref the copy holds finds its
 * objects even when a push lands meanwhile.
 */
@Service
public class BackupService {
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    static final String DATABASE = "bridge/database.zip";
    static final String HOMES = "homes/";
    static final String HUB_DATABASE = "hub/jupyterhub.sqlite";
    static final String SETTINGS = "box/settings.env";
    static final String COURSES = "bridge/courses";
    static final String SNIPPETS = "bridge/snippets";
    static final String GIT = "bridge/git";

    private final JdbcTemplate database;
    private final Flyway flyway;
    private final LearnboxProperties properties;
    private final String version;
    private final BoxVolumes homes;
    private final Clock clock;

    BackupService(JdbcTemplate database, Flyway flyway, LearnboxProperties properties, BoxVersion version, BoxVolumes homes,
            Clock clock) {
        this.database = database;
        this.flyway = flyway;
        this.properties = properties;
        this.version = version.version();
        this.homes = homes;
        this.clock = clock;
    }

    /** Writes the whole backup to {@code out}; answers its manifest. */
    public BackupManifest write(OutputStream out) {
        Path database = databaseCopy();
        try (BackupArchive.Writer archive = new BackupArchive.Writer(out)) {
            archive.add(DATABASE, Files.size(database), Files.newInputStream(database));
            addFolder(archive, COURSES, Path.of(properties.courses().repositories()));
            addFolder(archive, SNIPPETS, Path.of(properties.snippets().storage()));
            addFolder(archive, GIT, Path.of(properties.git().repositories()));
            for (String learner : homes.learners()) addHome(archive, learner);
            addHubDatabase(archive);
            byte[] settings = settings();
            archive.add(SETTINGS, settings.length, new java.io.ByteArrayInputStream(settings));
            BackupManifest manifest = archive.finish(new BackupManifest(BackupManifest.FORMAT, clock.instant(), properties.box(),
                    version, schemaVersion(), List.of()));
            log.info("backup written: {} files, {} bytes before compression", manifest.entries().size(), manifest.bytes());
            return manifest;
        } catch (IOException e) {
            throw new BackupException("The backup could not be written: " + e.getMessage(), e);
        } finally {
            delete(database);
        }
    }

    /** A home goes through a file first: the archive's entry needs its size before its bytes. */
    private void addHome(BackupArchive.Writer archive, String learner) throws IOException {
        Path spooled = Files.createTempFile("learnbox-home-", ".tar");
        try {
            try (OutputStream out = Files.newOutputStream(spooled)) {
                homes.export(learner, out);
            }
            try (InputStream tar = Files.newInputStream(spooled)) {
                archive.add(HOMES + learner + ".tar", Files.size(spooled), tar);
            }
        } finally {
            delete(spooled);
        }
    }

    private void addHubDatabase(BackupArchive.Writer archive) throws IOException {
        Path spooled = Files.createTempFile("learnbox-hub-", ".sqlite");
        try {
            boolean copied;
            try (OutputStream out = Files.newOutputStream(spooled)) {
                copied = homes.exportHubDatabase(out);
            }
            if (!copied) {
                log.warn("the backup holds no hub database: the hub is not running");
                return;
            }
            try (InputStream database = Files.newInputStream(spooled)) {
                archive.add(HUB_DATABASE, Files.size(spooled), database);
            }
        } finally {
            delete(spooled);
        }
    }

    /** The box's settings as the bridge was given them, for the record (its secrets are not among them). */
    private static byte[] settings() {
        StringBuilder lines = new StringBuilder("# The settings of the box this backup came from (the bridge's LEARNBOX_* environment).\n");
        new java.util.TreeMap<>(System.getenv()).forEach((name, value) -> {
            if (name.startsWith("LEARNBOX_") && !name.contains("SECRET") && !name.contains("PASSWORD")) {
                lines.append(name).append('=').append(value).append('\n');
            }
        });
        return lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The version of the bridge's database schema (Flyway's), which a restore must not be older than. */
    public String schemaVersion() {
        var current = flyway.info().current();
        return current == null || current.getVersion() == null ? "0" : current.getVersion().getVersion();
    }

    public String version() {
        return version;
    }

    private Path databaseCopy() {
        try {
            Path copy = Files.createTempFile("learnbox-database-", ".zip");
            Files.delete(copy); // H2 makes it
            database.execute("BACKUP TO '" + copy.toString().replace("'", "''") + "'");
            return copy;
        } catch (IOException | org.springframework.dao.DataAccessException e) {
            throw new BackupException("The bridge's database could not be copied: " + e.getMessage(), e);
        }
    }

    /** Every file of the folder; in a git repository the refs before the objects. Files gone meanwhile are passed over. */
    private static void addFolder(BackupArchive.Writer archive, String prefix, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted((a, b) -> {
                int byObjects = Boolean.compare(isObject(folder, a), isObject(folder, b));
                return byObjects != 0 ? byObjects : a.compareTo(b);
            }).toList();
        }
        for (Path file : files) {
            String path = prefix + "/" + folder.relativize(file).toString().replace('\\', '/');
            try (InputStream content = Files.newInputStream(file)) {
                archive.add(path, Files.size(file), content);
            } catch (NoSuchFileException gone) {
                log.debug("{} went while the backup was made (a repack, a removal): passed over", path);
            }
        }
    }

    private static boolean isObject(Path folder, Path file) {
        for (Path part : folder.relativize(file)) {
            if (part.toString().equals("objects")) return true;
        }
        return false;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
