package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.config.BoxVersion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The bridge's state on the box's PostgreSQL (learnbox/postgres, Debian's package), as on a cluster:
 * the migrations written for H2 apply as they are, Hibernate finds the schema it expects, and the
 * large fields (an assignment's notebook, a submission's files, cells and feedback) come back byte
 * for byte.
 */
@SpringBootTest
@ActiveProfiles("test")
@Testcontainers
// Its PostgreSQL ends with the class: so does the context, whose scheduled work would ask it for the rest of the run.
@DirtiesContext
class BoxStateOnPostgresIT {
    private static final String PASSWORD = "box-state-on-postgres";

    @Container
    static final GenericContainer<?> POSTGRES = org.learnbox.bridge.BoxPostgres.container(PASSWORD);

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry settings) {
        settings.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + POSTGRES.getMappedPort(5432) + "/bridge");
        settings.add("spring.datasource.username", () -> "learnbox");
        settings.add("spring.datasource.password", () -> PASSWORD);
    }

    @Autowired Flyway flyway;
    @Autowired AssignmentRepository assignments;
    @Autowired AssignmentReleaseRepository releases;
    @Autowired SubmissionRepository submissions;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void everyMigrationAppliesAsWrittenForH2() {
        assertThat(flyway.info().current().getVersion()).isEqualTo(BoxVersion.newestSchema());
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void largeFieldsComeBackByteForByte() {
        byte[] notebook = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(notebook);
        Assignment assignment = new Assignment("loops-on-postgres", "teacher");
        assignment.replaceSource("Loops", 10.5, true, notebook);
        assignments.save(assignment);

        byte[] files = "a tar of the student's folder".getBytes(StandardCharsets.UTF_8);
        String cells = "[{\"cell\":\"loops\",\"points\":2.5}]".repeat(5_000) + " 中文";
        byte[] feedback = "<html>feedback 中文</html>".getBytes(StandardCharsets.UTF_8);
        Long classroom = jdbc.queryForObject("INSERT INTO classroom (name, slug, teacher, join_code, created_at)"
                + " VALUES ('7A', '7a', 'teacher', 'PGSTATE01', now()) RETURNING id", Long.class);
        Long release = releases.save(new AssignmentRelease("loops-on-postgres", classroom, null)).getId();
        Submission submission = new Submission(release, "kim", Instant.parse("2026-12-07T10:00:00Z"), files, 0);
        submission.graded(8.5, 10.5, cells, feedback, null);
        Long id = submissions.save(submission).getId();

        transaction.executeWithoutResult(status -> {
            Assignment read = assignments.findById("loops-on-postgres").orElseThrow();
            assertThat(read.getSource()).isEqualTo(notebook);
            assertThat(read.getPoints()).isEqualTo(10.5);
            Submission back = submissions.findById(id).orElseThrow();
            assertThat(back.getFiles()).isEqualTo(files);
            assertThat(back.getCells()).isEqualTo(cells);
            assertThat(back.getFeedback()).isEqualTo(feedback);
            assertThat(back.getScore()).isEqualTo(8.5);
            assertThat(back.getSubmittedAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        });
    }

    @Autowired org.learnbox.bridge.backup.BackupService backups;

    @Test
    void theBoxsOwnBackupIsRefusedInWordsOnPostgres() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> backups.write(out))
                .isInstanceOf(org.learnbox.bridge.backup.BackupException.class)
                .hasMessageContaining("on a cluster its state is on PostgreSQL")
                .hasMessageContaining("pg_dump of the databases bridge and hub");
        assertThat(out.size()).as("nothing half-written").isZero();
    }
}
