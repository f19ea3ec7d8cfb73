package org.learnbox.bridge.notice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.learnbox.bridge.config.BoxVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the learners at work that the box was upgraded under them: as the bridge starts, what runs
 * (the version, the build and the database schema) is compared with what ran before (a file on the
 * data volume); when it differs, a notice says so. Learners' servers outlive an upgrade, so their
 * labs stay open and show it.
 */
@Component
class UpgradeNotice {
    private static final Logger log = LoggerFactory.getLogger(UpgradeNotice.class);

    private final Notices notices;
    private final BoxVersion version;
    private final Flyway flyway;
    private final Path lastRun;

    UpgradeNotice(Notices notices, BoxVersion version, Flyway flyway, @Value("${learnbox.notices.last-run}") Path lastRun) {
        this.notices = notices;
        this.version = version;
        this.flyway = flyway;
        this.lastRun = lastRun;
    }

    @EventListener(ApplicationReadyEvent.class)
    void compareWithTheLastRun() {
        var schema = flyway.info().current();
        String schemaVersion = schema == null ? "none" : schema.getVersion().getVersion();
        compare(version.version() + " built " + version.built() + ", schema " + schemaVersion,
                "version " + version.version() + ", database schema " + schemaVersion);
    }

    /** {@code running}: what runs, in full; {@code said}: the part a learner reads. */
    void compare(String running, String said) {
        try {
            String before = Files.exists(lastRun) ? Files.readString(lastRun).strip() : null;
            if (before != null && !before.equals(running)) {
                notices.post("LearnBox was upgraded (" + said + "). Your files and running notebooks are kept."
                        + " Save your work and reload this page to use the new version.");
                log.info("upgraded: was '{}', now '{}'", before, running);
            }
            Files.createDirectories(lastRun.toAbsolutePath().getParent());
            Files.writeString(lastRun, running + "\n");
        } catch (IOException e) {
            log.warn("could not compare with the last run ({}): {}", lastRun, e.getMessage());
        }
    }
}
