package org.learnbox.bridge.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnbox.bridge.config.BoxVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A backup written from real files and a real H2 database, brought back into another data folder. */
class BackupRestoreTest {
    @TempDir Path source;
    @TempDir Path target;

    private final InMemoryBoxVolumes sourceHomes = new InMemoryBoxVolumes();
    private final InMemoryBoxVolumes targetHomes = new InMemoryBoxVolumes();
    private final List<String> steps = new ArrayList<>();
    private byte[] backup;

    @BeforeEach
    void aBackupOfABoxWithOneLearner() throws IOException {
        Flyway flyway = BackupServiceTest.migrated(source);
        JdbcTemplate database = new JdbcTemplate(flyway.getConfiguration().getDataSource());
        database.execute("INSERT INTO account (name, password_hash, role, created_at) VALUES ('ada', 'x', 'STUDENT', CURRENT_TIMESTAMP)");
        write(source, "courses/java-from-zero.git/HEAD", "ref: refs/heads/main\n");
        write(source, "snippets/abc/1/main.py", "print('hi')\n");
        write(source, "git/ada/quiz.git/refs/heads/main", "abcdef\n");
        try (var empty = org.eclipse.jgit.api.Git.init().setBare(true).setInitialBranch("main")
                .setDirectory(source.resolve("git/ada/empty.git").toFile()).call()) {
            assertThat(empty.getRepository().getObjectDatabase().exists()).isTrue(); // made on the page, never pushed to
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IOException(e);
        }
        sourceHomes.homes.put("ada", "ada's home as a tar".getBytes());
        sourceHomes.hubDatabase = "the hub's users".getBytes();
        sourceHomes.keycloak = "Keycloak's realm as a tar".getBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackupServiceTest.backups(database, flyway, BackupServiceTest.properties(source), sourceHomes).write(out);
        database.execute("SHUTDOWN");
        backup = out.toByteArray();
    }

    @Test
    void aRepositoryNeverPushedToComesBackARepository() throws Exception {
        restore(false, MigrationVersion.LATEST);

        Path empty = target.resolve("git/ada/empty.git");
        Process fsck = new ProcessBuilder("git", "-C", empty.toString(), "fsck", "--strict").redirectErrorStream(true).start();
        String said = new String(fsck.getInputStream().readAllBytes());
        assertThat(fsck.waitFor()).as(said).isZero();
    }

    @Test
    void everythingComesBackIntoAFreshBox() throws IOException {
        write(target, "courses/python-from-zero.git/HEAD", "a fresh box's own course\n");

        BackupManifest manifest = restore(false, MigrationVersion.LATEST);

        assertThat(manifest.box()).isEqualTo("backup-test");
        assertThat(targetHomes.homes).containsOnlyKeys("ada");
        assertThat(new String(targetHomes.homes.get("ada"))).isEqualTo("ada's home as a tar");
        assertThat(new String(targetHomes.keycloak)).isEqualTo("Keycloak's realm as a tar");
        assertThat(targetHomes.secrets).containsOnlyKeys("shared-secret");
        assertThat(new String(targetHomes.secrets.get("shared-secret"))).isEqualTo("test-secret");
        assertThat(Files.readString(target.resolve("snippets/abc/1/main.py"))).isEqualTo("print('hi')\n");
        assertThat(Files.readString(target.resolve("git/ada/quiz.git/refs/heads/main"))).isEqualTo("abcdef\n");
        assertThat(target.resolve("courses/python-from-zero.git")).as("the box's data is the backup's").doesNotExist();
        assertThat(target.resolve("restore-staging")).doesNotExist();
        var restored = new JdbcTemplate(BackupServiceTest.database(target));
        assertThat(restored.queryForList("SELECT name FROM account", String.class)).containsExactly("ada");
        restored.execute("SHUTDOWN");
        assertThat(new String(targetHomes.hubDatabase)).isEqualTo("the hub's users");
        assertThat(steps).contains("home of ada", "the hub's database", "Keycloak's accounts", "the box's secrets", "the bridge's database");
    }

    @Test
    void aRunningBoxABoxWithWorkANewerBackupAndOneCutShortAreRefusedAndNothingChanges() throws IOException {
        targetHomes.running.addAll(List.of("bridge", "hub"));
        assertThatThrownBy(() -> restore(false, MigrationVersion.LATEST))
                .hasMessageContaining("The box is running (bridge, hub)").hasMessageContaining("docker compose stop");
        targetHomes.running.clear();

        write(target, "git/bo/game.git/HEAD", "ref: refs/heads/main\n");
        targetHomes.homes.put("bo", "bo's home".getBytes());
        assertThatThrownBy(() -> restore(false, MigrationVersion.LATEST))
                .hasMessageContaining("This box already holds 1 learners' homes, git repositories").hasMessageContaining("--replace");

        assertThatThrownBy(() -> restore(true, MigrationVersion.fromVersion("1")))
                .hasMessageContaining("This backup was made by a newer LearnBox").hasMessageContaining("knows schemas up to 1");

        backup = Arrays.copyOf(backup, backup.length - 200);
        assertThatThrownBy(() -> restore(true, MigrationVersion.LATEST)).hasMessageContaining("Nothing was changed");

        assertThat(targetHomes.homes).containsOnlyKeys("bo");
        assertThat(targetHomes.removedAll).isFalse();
        assertThat(targetHomes.hubDatabase).isNull();
        assertThat(targetHomes.keycloak).isNull();
        assertThat(targetHomes.secrets).isEmpty();
        assertThat(Files.readString(target.resolve("git/bo/game.git/HEAD"))).isEqualTo("ref: refs/heads/main\n");
        assertThat(target.resolve("restore-staging")).doesNotExist();
    }

    @Test
    void replaceTakesTheBoxsOwnWorkAway() throws IOException {
        write(target, "git/bo/game.git/HEAD", "ref: refs/heads/main\n");
        targetHomes.homes.put("bo", "bo's home".getBytes());

        restore(true, MigrationVersion.LATEST);

        assertThat(targetHomes.removedAll).isTrue();
        assertThat(targetHomes.homes).containsOnlyKeys("ada");
        assertThat(target.resolve("git/bo")).doesNotExist();
    }

    @Test
    void theNewestSchemaThisLearnBoxKnowsIsItsNewestMigration() {
        var known = Flyway.configure().dataSource(new DriverManagerDataSource("jdbc:h2:mem:schema")).load().info().all();
        assertThat(BoxVersion.newestSchema()).isEqualTo(known[known.length - 1].getVersion());
    }

    private BackupManifest restore(boolean replace, MigrationVersion newest) {
        return new BackupRestore(target, targetHomes, newest).restore(new ByteArrayInputStream(backup), replace, steps::add);
    }

    private static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
