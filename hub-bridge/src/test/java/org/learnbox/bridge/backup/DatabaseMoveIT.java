package org.learnbox.bridge.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A single box's H2 file moved to the cluster's PostgreSQL (learnbox/postgres, Debian's package):
 * every row of every table, large fields byte for byte, times to the instant, counters going on
 * after the rows moved; a second move, a target that is no PostgreSQL and a box not yet at this
 * version's schema refused in words, with nothing moved.
 */
@Testcontainers
class DatabaseMoveIT {
    private static final String PASSWORD = "database-move";
    private static final OffsetDateTime SUBMITTED = OffsetDateTime.parse("2026-12-07T09:15:30.123456Z");

    @Container
    static final GenericContainer<?> POSTGRES = org.learnbox.bridge.BoxPostgres.container(PASSWORD);

    @TempDir
    Path data;

    private DatabaseMove.Database h2(String name) {
        return new DatabaseMove.Database("jdbc:h2:file:" + data.resolve(name), "sa", "");
    }

    private static DatabaseMove.Database postgres(String database) {
        return new DatabaseMove.Database("jdbc:postgresql://localhost:" + POSTGRES.getMappedPort(5432) + "/" + database, "learnbox", PASSWORD);
    }

    private static void createDatabase(String name) throws SQLException {
        try (Connection admin = connect(postgres("postgres")); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    private static Connection connect(DatabaseMove.Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static void migrate(DatabaseMove.Database database, String upTo) {
        var configuration = Flyway.configure().dataSource(database.url(), database.user(), database.password()).locations("classpath:db/migration");
        if (upTo != null) configuration.target(upTo);
        configuration.load().migrate();
    }

    @Test
    void everyRowMovesAndTheCountersGoOnAfterThem() throws Exception {
        DatabaseMove.Database box = h2("bridge");
        migrate(box, null);
        byte[] notebook = new byte[2 * 1024 * 1024];
        new Random(11).nextBytes(notebook);
        String cells = "[{\"cell\":\"loops\"}]".repeat(2_000) + " 中文";
        try (Connection h2 = connect(box); Statement statement = h2.createStatement()) {
            for (int i = 1; i <= 40; i++) {
                statement.execute("INSERT INTO account (name, password_hash, role, created_at) VALUES ('kid" + i + "', 'hash', 'STUDENT', CURRENT_TIMESTAMP)");
            }
            statement.execute("DELETE FROM account WHERE name = 'kid40'"); // the highest id gone: the counter still goes on after it
            statement.execute("INSERT INTO classroom (name, slug, teacher, join_code, created_at) VALUES ('7A', '7a', 'kid1', 'MOVE00001', CURRENT_TIMESTAMP)");
            try (PreparedStatement assignment = h2.prepareStatement(
                    "INSERT INTO assignment (id, title, owner, points, source, imported_at, score_after_due) VALUES ('loops', 'Loops', 'kid1', 10.5, ?, CURRENT_TIMESTAMP, TRUE)")) {
                assignment.setBytes(1, notebook);
                assignment.execute();
            }
            statement.execute("INSERT INTO assignment_release (assignment_id, classroom_id, released_at) VALUES ('loops', 1, CURRENT_TIMESTAMP)");
            try (PreparedStatement submission = h2.prepareStatement("INSERT INTO submission (release_id, account_name, submitted_at, files, state,"
                    + " score, max_score, late_days, cells) VALUES (1, 'kid2', ?, ?, 'GRADED', 8.25, 10.5, 0, ?)")) {
                submission.setObject(1, SUBMITTED);
                submission.setBytes(2, "tar".getBytes(StandardCharsets.UTF_8));
                submission.setString(3, cells);
                submission.execute();
            }
        }
        createDatabase("moved");
        List<String> steps = new ArrayList<>();

        Map<String, Integer> moved = new DatabaseMove(box, postgres("moved")).move(steps::add);

        assertThat(moved).containsEntry("account", 39).containsEntry("classroom", 1).containsEntry("assignment", 1)
                .containsEntry("submission", 1).containsEntry("work_hour", 0);
        try (Connection pg = connect(postgres("moved")); Statement statement = pg.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT source, points, score_after_due FROM assignment WHERE id = 'loops'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes(1)).isEqualTo(notebook);
                assertThat(row.getDouble(2)).isEqualTo(10.5);
                assertThat(row.getBoolean(3)).isTrue();
            }
            try (ResultSet row = statement.executeQuery("SELECT cells, submitted_at, score FROM submission")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo(cells);
                assertThat(row.getObject(2, OffsetDateTime.class).toInstant()).isEqualTo(SUBMITTED.toInstant());
                assertThat(row.getDouble(3)).isEqualTo(8.25);
            }
            statement.execute("INSERT INTO account (name, password_hash, role, created_at) VALUES ('newcomer', 'hash', 'STUDENT', now())");
            try (ResultSet row = statement.executeQuery("SELECT id FROM account WHERE name = 'newcomer'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong(1)).as("after the highest id the box ever gave").isEqualTo(41);
            }
        }
        assertThat(steps).contains("moved 39 rows of account");

        assertThatThrownBy(() -> new DatabaseMove(box, postgres("moved")).move(steps::add))
                .isInstanceOf(BackupException.class)
                .hasMessage("The database " + postgres("moved").url() + " holds a box's data already; nothing was moved. Give an empty database.");
        try (Connection pg = connect(postgres("moved")); Statement statement = pg.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM account")) {
            count.next();
            assertThat(count.getInt(1)).as("the refused move added nothing").isEqualTo(40);
        }
    }

    @Test
    void aBoxBehindThisVersionOrATargetThatIsNoPostgresIsRefusedInWords() throws Exception {
        DatabaseMove.Database older = h2("older");
        migrate(older, "13");
        createDatabase("untouched");
        assertThatThrownBy(() -> new DatabaseMove(older, postgres("untouched")).move(step -> {}))
                .hasMessageStartingWith("This box's database is at schema 13, this LearnBox writes ")
                .hasMessageEndingWith("start the box once with this version, stop it, then move it. Nothing was moved.");
        try (Connection pg = connect(postgres("untouched")); Statement statement = pg.createStatement();
                ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            tables.next();
            assertThat(tables.getInt(1)).as("not even the tables made").isZero();
        }
        assertThatThrownBy(() -> new DatabaseMove(older, h2("other")).move(step -> {}))
                .hasMessageContaining("is no PostgreSQL database");
    }
}
