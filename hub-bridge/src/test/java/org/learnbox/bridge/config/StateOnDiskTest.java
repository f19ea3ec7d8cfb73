package org.learnbox.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class StateOnDiskTest {

    /** What the disk holds is what a bridge killed now would find: a copy of the file, made while it is open. */
    @Test
    void whatWasCommittedIsInTheFileAKilledBridgeWouldOpen(@TempDir Path folder) throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("bridge") + ";DB_CLOSE_ON_EXIT=FALSE";
        SingleConnectionDataSource running = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            JdbcTemplate box = new JdbcTemplate(running);
            box.execute("CREATE TABLE release (number INT PRIMARY KEY, state VARCHAR(20))");
            new StateOnDisk(box, url).now();
            box.update("INSERT INTO release VALUES (2, 'BUILDING')");

            new StateOnDisk(box, url).now();
            Path killed = Files.createDirectory(folder.resolve("after-a-kill"));
            Files.copy(folder.resolve("bridge.mv.db"), killed.resolve("bridge.mv.db"));

            SingleConnectionDataSource restarted = new SingleConnectionDataSource(
                    "jdbc:h2:file:" + killed.resolve("bridge") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", true);
            try {
                assertThat(new JdbcTemplate(restarted).queryForList("SELECT state FROM release WHERE number = 2", String.class))
                        .containsExactly("BUILDING");
            } finally {
                restarted.destroy();
            }
        } finally {
            running.destroy();
        }
    }

    @Test
    void onPostgresqlEveryCommitIsOnDiskAlreadyAndNothingIsAsked() {
        JdbcTemplate refusesEverything = new JdbcTemplate() {
            @Override
            public void execute(String sql) {
                throw new AssertionError("asked " + sql);
            }
        };
        new StateOnDisk(refusesEverything, "jdbc:postgresql://db:5432/bridge").now();
    }
}
