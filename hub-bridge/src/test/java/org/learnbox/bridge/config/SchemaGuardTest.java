package org.learnbox.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A LearnBox older than its data refuses in words and leaves the database as it was; a newer one migrates. */
class SchemaGuardTest {
    private static final String DATABASE = "jdbc:h2:mem:schema-guard;DB_CLOSE_DELAY=-1";

    @Test
    void dataOfANewerBoxIsRefusedBeforeAnythingChangesAndDataOfAnOlderOneIsMigrated() {
        Flyway newer = Flyway.configure().dataSource(DATABASE, "sa", "")
                .locations("classpath:db/migration", "classpath:db/from-a-newer-box").load();
        Flyway thisOne = Flyway.configure().dataSource(DATABASE, "sa", "").locations("classpath:db/migration").load();
        SchemaGuard.refuseNewerData(thisOne, "1.0"); // an empty database: nothing to refuse
        thisOne.migrate();
        SchemaGuard.refuseNewerData(newer, "1.1"); // an older box's data: the newer one migrates it
        newer.migrate();
        int applied = thisOne.info().applied().length;

        assertThatThrownBy(() -> SchemaGuard.refuseNewerData(thisOne, "1.0"))
                .hasMessageStartingWith("This box's data was written by a newer LearnBox: its database is at schema 99,"
                        + " and this LearnBox 1.0 knows schemas up to ")
                .hasMessageEndingWith("Start the newer LearnBox again (load its bundle, then docker compose up -d); nothing was changed.");
        assertThat(thisOne.info().applied()).hasSize(applied);
    }
}
