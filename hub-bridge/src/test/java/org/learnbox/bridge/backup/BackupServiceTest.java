package org.learnbox.bridge.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnbox.bridge.config.BoxVersion;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.TestProperties;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.info.BuildProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A backup of the bridge's state from a real H2 file database and real folders. */
class BackupServiceTest {
    @TempDir Path data;

    @Test
    void theDatabaseAndEveryFolderAreInTheBackupAndAGitRepositorysRefsComeBeforeItsObjects() throws IOException {
        Flyway flyway = migrated(data);
        JdbcTemplate database = new JdbcTemplate(flyway.getConfiguration().getDataSource());
        write("courses/java-from-zero.git/HEAD", "ref: refs/heads/main\n");
        write("snippets/abc/1/main.py", "print('hi')\n");
        write("git/ada/quiz.git/objects/ab/cdef", "an object");
        write("git/ada/quiz.git/refs/heads/main", "abcdef\n");
        write("git/ada/quiz.git/HEAD", "ref: refs/heads/main\n");
        InMemoryBoxVolumes homes = new InMemoryBoxVolumes();
        homes.homes.put("ada", "ada's home as a tar".getBytes());
        homes.hubDatabase = "the hub's users".getBytes();
        homes.keycloak = "Keycloak's realm as a tar".getBytes();
        BackupService backups = backups(database, flyway, homes);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackupManifest written = backups.write(out);
        List<String> databaseFiles = new ArrayList<>();
        BackupManifest read = BackupArchive.read(new ByteArrayInputStream(out.toByteArray()), (path, content) -> {
            if (!path.equals("bridge/database.zip")) return;
            try (ZipInputStream zip = new ZipInputStream(content)) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) databaseFiles.add(entry.getName());
            }
        });

        assertThat(read).isEqualTo(written);
        assertThat(read.boxVersion()).isEqualTo("0.1.0-test");
        assertThat(read.schemaVersion()).isEqualTo(flyway.info().current().getVersion().getVersion());
        assertThat(read.created()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(databaseFiles).contains("bridge.mv.db");
        assertThat(read.entries()).extracting(BackupManifest.Entry::path).containsExactly(
                "bridge/database.zip", "bridge/courses/java-from-zero.git/HEAD", "bridge/snippets/abc/1/main.py",
                "bridge/git/ada/quiz.git/HEAD", "bridge/git/ada/quiz.git/refs/heads/main", "bridge/git/ada/quiz.git/objects/ab/cdef",
                "homes/ada.tar", "hub/jupyterhub.sqlite", "keycloak/h2.tar", "box/secrets/shared-secret", "box/settings.env");
        assertThat(Files.list(Path.of(System.getProperty("java.io.tmpdir")))
                .filter(p -> p.getFileName().toString().startsWith("learnbox-database-"))).as("the database's copy is gone").isEmpty();
    }

    /** The bridge's database in a file of {@code folder}, at the newest schema; answers its Flyway. */
    static Flyway migrated(Path folder) {
        Flyway flyway = Flyway.configure().dataSource(database(folder)).load();
        flyway.migrate();
        return flyway;
    }

    static DriverManagerDataSource database(Path folder) {
        return new DriverManagerDataSource("jdbc:h2:file:" + folder.resolve("bridge") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    static BackupService backups(JdbcTemplate database, Flyway flyway, LearnboxProperties properties, BoxVolumes homes) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        java.util.Properties build = new java.util.Properties();
        build.setProperty("version", "0.1.0-test");
        beans.addBean("build", new BuildProperties(build));
        return new BackupService(database, flyway, properties, new BoxVersion(beans.getBeanProvider(BuildProperties.class)), homes,
                Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
    }

    private BackupService backups(JdbcTemplate database, Flyway flyway, BoxVolumes homes) {
        return backups(database, flyway, properties(data), homes);
    }

    private void write(String path, String content) throws IOException {
        Path file = data.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    static LearnboxProperties properties(Path data) {
        LearnboxProperties base = TestProperties.of("backup-test", TestProperties.sandbox("none"), TestProperties.hub("http://127.0.0.1:9"),
                TestProperties.courses(data.resolve("courses").toString()));
        return new LearnboxProperties(base.sharedSecret(), base.box(), base.sandbox(), base.hub(), base.courses(), base.login(),
                base.sso(), TestProperties.snippets(data.resolve("snippets").toString()), base.apps(),
                TestProperties.git(data.resolve("git").toString()), base.images());
    }
}
