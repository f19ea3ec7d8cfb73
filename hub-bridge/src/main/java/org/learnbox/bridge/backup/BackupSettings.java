package org.learnbox.bridge.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The box's own backups ({@code learnbox.backups.*}, env {@code LEARNBOX_BACKUPS_*}). */
@ConfigurationProperties("learnbox.backups")
public record BackupSettings(
        /** Where the box keeps the backups it makes itself (nightly, and "Back up now" on the admin's page). */
        @DefaultValue("data/backups") String folder,
        /** When the nightly backup runs, in Spring's cron (second minute hour day month weekday); "-" for never. */
        @DefaultValue("0 30 2 * * *") String schedule,
        /** How many of the box's own backups are kept; after a new one is written whole, the oldest go. */
        @DefaultValue("7") int keep) {}
