package org.learnbox.bridge.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The box's state on its disk now. H2 writes what was committed within a second, in the background
 * (a write on every commit would grow its file faster than it tidies it); a step that a restart must
 * find (a build under way) is written first, so a killed bridge knows of it when it starts again.
 * PostgreSQL has written every commit already.
 */
@Component
public class StateOnDisk {
    private final JdbcTemplate database;
    private final boolean onH2;

    StateOnDisk(JdbcTemplate database, @Value("${spring.datasource.url:}") String url) {
        this.database = database;
        this.onH2 = url.startsWith("jdbc:h2:");
    }

    /** What was committed so far, on the disk before this returns. */
    public void now() {
        if (onH2) database.execute("CHECKPOINT");
    }
}
