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
import org.learnbox.bridge.config.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A backup of the box while it runs: the bridge's database (H2's online backup, a consistent
 * copy), the folders of courses, snippets, learners' git repositories and live apps' kept files, every learner's home
 * (a tar each, read while they work), the hub's database, Keycloak's (when single sign-on is on),
 * the box's settings and its secrets (so a backup is as worth guarding as the box). A git
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
    static final String SECRETS = "box/secrets/";
    static final String KEYCLOAK = "keycloak/h2.tar";
    static final String COURSES = "bridge/courses";
    static final String SNIPPETS = "bridge/snippets";
    static final String GIT = "bridge/git";
    static final String APPS = "bridge/apps";

    private final JdbcTemplate database;
    private final Flyway flyway;
    private final LearnboxProperties properties;
    private final String version;
    private final BoxVolumes volumes;
    private final Clock clock;

    BackupService(JdbcTemplate database, Flyway flyway, LearnboxProperties properties, BoxVersion version, BoxVolumes volumes,
            Clock clock) {
        this.database = database;
        this.flyway = flyway;
        this.properties = properties;
        this.version = version.version();
        this.volumes = volumes;
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
            addFolder(archive, APPS, Path.of(properties.apps().sources()));
            for (String learner : volumes.learners()) {
                addSpooled(archive, HOMES + learner + ".tar", tar -> {
                    volumes.export(learner, tar);
                    return true;
                });
            }
            if (!addSpooled(archive, HUB_DATABASE, volumes::exportHubDatabase)) {
                log.warn("the backup holds no hub database: the hub is not running");
            }
            if (!addSpooled(archive, KEYCLOAK, volumes::exportKeycloak)) log.info("the backup holds no Keycloak: single sign-on is off");
            for (var secret : secrets().entrySet()) {
                byte[] content = secret.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                archive.add(SECRETS + secret.getKey(), content.length, new java.io.ByteArrayInputStream(content));
            }
            byte[] settings = settings();
            archive.add(SETTINGS, settings.length, new java.io.ByteArrayInputStream(settings));
            BackupManifest manifest = archive.finish(new BackupManifest(BackupManifest.FORMAT, clock.instant(), properties.box(),
                    version, schemaVersion(), List.of()));
            log.info("backup written: {} files, {} bytes before compression", manifest.entries().size(), manifest.bytes());
            return manifest;
        } catch (IOException e) {
            throw new BackupException(e, "backup.refused.write", e.getMessage());
        } finally {
            delete(database);
        }
    }

    /** What a source writes goes through a file first: the archive's entry needs its size before its bytes. */
    private interface Source {
        /** Writes the content; answers false when there is none to add. */
        boolean writeTo(OutputStream out) throws IOException;
    }

    private static boolean addSpooled(BackupArchive.Writer archive, String path, Source source) throws IOException {
        Path spooled = Files.createTempFile("learnbox-backup-", ".part");
        try {
            boolean written;
            try (OutputStream out = Files.newOutputStream(spooled)) {
                written = source.writeTo(out);
            }
            if (!written) return false;
            try (InputStream content = Files.newInputStream(spooled)) {
                archive.add(path, Files.size(spooled), content);
            }
            return true;
        } finally {
            delete(spooled);
        }
    }

    /** The secrets the box's services and Keycloak share, as the bridge was given them. */
    private java.util.Map<String, String> secrets() {
        java.util.Map<String, String> secrets = new java.util.TreeMap<>();
        if (properties.sharedSecret() != null && !properties.sharedSecret().isBlank()) {
            secrets.put(SecretFiles.SHARED_SECRET, properties.sharedSecret());
        }
        String client = properties.sso() == null ? null : properties.sso().clientSecret();
        if (client != null && !client.isBlank()) secrets.put(SecretFiles.OIDC_CLIENT_SECRET, client);
        return secrets;
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
        String product = database.execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName());
        if (!"H2".equals(product)) throw new BackupException("backup.refused.not-h2", product);
        try {
            Path copy = Files.createTempFile("learnbox-database-", ".zip");
            Files.delete(copy); // H2 makes it
            database.execute("BACKUP TO '" + copy.toString().replace("'", "''") + "'");
            return copy;
        } catch (IOException | org.springframework.dao.DataAccessException e) {
            throw new BackupException(e, "backup.refused.bridge-database", e.getMessage());
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
