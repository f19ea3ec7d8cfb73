package org.learnbox.bridge.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.learnbox.bridge.config.SecretFiles;
import org.learnbox.bridge.identity.AccountNames;

/**
 * A backup brought back onto a box whose services are stopped: the archive is unpacked into a
 * staging folder and checked whole against its manifest, and only then does it replace the
 * bridge's database and folders, the learners' homes, the hub's and Keycloak's databases and the
 * box's secrets. A refused archive changes nothing.
 */
public final class BackupRestore {
    private static final String DATABASE_NAME = "bridge";
    private static final Map<String, String> FOLDERS = Map.of(BackupService.COURSES, "courses", BackupService.SNIPPETS, "snippets",
            BackupService.GIT, "git", BackupService.APPS, "apps");

    private final Path dataDir;
    private final BoxVolumes volumes;
    private final MigrationVersion newestSchema;

    /** {@code dataDir} is the bridge's data folder (LEARNBOX_DATA_DIR): its database and folders. */
    public BackupRestore(Path dataDir, BoxVolumes volumes, MigrationVersion newestSchema) {
        this.dataDir = dataDir;
        this.volumes = volumes;
        this.newestSchema = newestSchema;
    }

    /** Restores the archive; {@code replace} lets it go over a box that already holds learners' work. */
    public BackupManifest restore(InputStream archive, boolean replace, Consumer<String> progress) {
        List<String> running = volumes.runningServices();
        if (!running.isEmpty()) {
            throw new BackupException("backup.refused.box-running", String.join(", ", running));
        }
        if (!replace) refuseOverWork();
        Path staging = dataDir.resolve("restore-staging");
        deleteTree(staging);
        try {
            progress.accept("reading the backup and checking it against its manifest");
            BackupManifest manifest = BackupArchive.read(archive, (path, content) -> stage(staging, path, content));
            MigrationVersion schema = MigrationVersion.fromVersion(manifest.schemaVersion());
            if (schema.isNewerThan(newestSchema.getVersion())) {
                throw new BackupException("backup.refused.newer-schema", manifest.boxVersion(), schema, newestSchema);
            }
            apply(staging, replace, progress);
            return manifest;
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * A backup holds files, not empty folders; git needs a bare repository's objects and refs folders
     * even when they are empty (a repository made on the page and never pushed to, refs all packed).
     * Every folder NAME.git with a HEAD gets them back.
     */
    static void completeBareRepositories(Path folder) throws IOException {
        List<Path> bare;
        try (Stream<Path> walk = Files.walk(folder)) {
            bare = walk.filter(path -> path.getFileName().toString().endsWith(".git") && Files.isRegularFile(path.resolve("HEAD")))
                    .toList();
        }
        for (Path repository : bare) {
            for (String needed : List.of("objects/info", "objects/pack", "refs/heads", "refs/tags")) {
                Files.createDirectories(repository.resolve(needed));
            }
        }
    }

    private void refuseOverWork() {
        List<String> learners = volumes.learners();
        List<String> held = new ArrayList<>();
        if (!learners.isEmpty()) held.add(learners.size() + " learners' homes");
        if (holdsFiles(dataDir.resolve("git"))) held.add("git repositories");
        if (holdsFiles(dataDir.resolve("snippets"))) held.add("snippets");
        if (!held.isEmpty()) {
            throw new BackupException("backup.refused.box-holds", String.join(", ", held));
        }
    }

    private static void stage(Path staging, String path, InputStream content) throws IOException {
        Path file = staging.resolve(path).normalize();
        if (!file.startsWith(staging) || file.equals(staging)) {
            throw new BackupException("backup.refused.outside", path);
        }
        Files.createDirectories(file.getParent());
        Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private void apply(Path staging, boolean replace, Consumer<String> progress) {
        try {
            List<Path> homeTars = listed(staging.resolve(BackupService.HOMES));
            for (Path tar : homeTars) {
                String learner = tar.getFileName().toString().replaceFirst("\\.tar$", "");
                if (!AccountNames.isValid(learner) || !tar.getFileName().toString().endsWith(".tar")) {
                    throw new BackupException("backup.refused.not-a-home", tar.getFileName());
                }
            }
            Map<String, byte[]> secrets = new java.util.TreeMap<>();
            for (Path secret : listed(staging.resolve(BackupService.SECRETS))) {
                String name = secret.getFileName().toString();
                if (!SecretFiles.KEPT.contains(name)) {
                    throw new BackupException("backup.refused.secret", name);
                }
                secrets.put(name, Files.readAllBytes(secret));
            }
            if (replace) {
                progress.accept("removing this box's sandboxes and homes");
                volumes.removeAll();
            }
            for (Path tar : homeTars) {
                String learner = tar.getFileName().toString().replaceFirst("\\.tar$", "");
                progress.accept("home of " + learner);
                try (InputStream content = Files.newInputStream(tar)) {
                    volumes.replace(learner, content);
                }
            }
            Path hubDatabase = staging.resolve(BackupService.HUB_DATABASE);
            if (Files.exists(hubDatabase)) {
                progress.accept("the hub's database");
                try (InputStream content = Files.newInputStream(hubDatabase)) {
                    volumes.replaceHubDatabase(content);
                }
            }
            Path keycloak = staging.resolve(BackupService.KEYCLOAK);
            if (Files.exists(keycloak)) {
                progress.accept("Keycloak's accounts");
                try (InputStream content = Files.newInputStream(keycloak)) {
                    volumes.replaceKeycloak(content);
                }
            }
            if (!secrets.isEmpty()) {
                progress.accept("the box's secrets");
                volumes.replaceSecrets(secrets);
            }
            progress.accept("the bridge's database");
            Files.createDirectories(dataDir);
            for (String suffix : List.of(".mv.db", ".trace.db")) Files.deleteIfExists(dataDir.resolve(DATABASE_NAME + suffix));
            unzipDatabase(staging.resolve(BackupService.DATABASE));
            for (Map.Entry<String, String> folder : FOLDERS.entrySet()) {
                progress.accept(folder.getValue());
                Path target = dataDir.resolve(folder.getValue());
                deleteTree(target);
                Path staged = staging.resolve(folder.getKey());
                if (Files.isDirectory(staged)) Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                else Files.createDirectories(target);
                completeBareRepositories(target);
            }
        } catch (IOException e) {
            throw new BackupException(e, "backup.refused.midway", e.getMessage());
        }
    }

    /** H2's BACKUP TO wrote a zip of the database's files (bridge.mv.db); they go back beside each other. */
    private void unzipDatabase(Path zip) throws IOException {
        try (java.util.zip.ZipInputStream files = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = files.getNextEntry(); entry != null; entry = files.getNextEntry()) {
                String name = Path.of(entry.getName()).getFileName().toString();
                if (entry.isDirectory() || !name.startsWith(DATABASE_NAME + ".")) continue;
                Files.copy(files, dataDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.exists(dataDir.resolve(DATABASE_NAME + ".mv.db"))) {
            throw new BackupException("backup.refused.no-database", DATABASE_NAME + ".mv.db");
        }
    }

    private static List<Path> listed(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static boolean holdsFiles(Path folder) {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
