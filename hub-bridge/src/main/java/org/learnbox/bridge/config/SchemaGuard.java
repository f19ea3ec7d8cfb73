package org.learnbox.bridge.config;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Upgrades run forward only. A LearnBox older than its data (a bundle loaded again after a newer
 * one ran) refuses to start, in words, before it touches the database: Flyway alone would skip
 * the migrations it does not know and run on a schema it cannot read.
 */
@Component
class SchemaGuard implements FlywayMigrationStrategy {
    private final String version;

    SchemaGuard(BoxVersion version) {
        this.version = version.version();
    }

    @Override
    public void migrate(Flyway flyway) {
        refuseNewerData(flyway, version);
        flyway.migrate();
    }

    static void refuseNewerData(Flyway flyway, String version) {
        MigrationInfo[] all = flyway.info().all();
        MigrationVersion newestKnown = Arrays.stream(all).filter(info -> info.getState().isResolved())
                .map(MigrationInfo::getVersion).filter(v -> v != null).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        MigrationVersion newestApplied = Arrays.stream(all).filter(info -> info.getState().isApplied())
                .map(MigrationInfo::getVersion).filter(v -> v != null).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        if (newestApplied.isNewerThan(newestKnown.getVersion())) {
            throw new NewerData("This box's data was written by a newer LearnBox: its database is at schema "
                    + newestApplied + ", and this LearnBox " + version + " knows schemas up to " + newestKnown
                    + ". Start the newer LearnBox again (load its bundle, then docker compose up -d); nothing was changed.");
        }
    }

    static final class NewerData extends IllegalStateException {
        NewerData(String message) {
            super(message);
        }
    }

    /** The refusal as the bridge's log ends with it: its words, not a stack trace. */
    static final class NewerDataAnalyzer extends AbstractFailureAnalyzer<NewerData> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, NewerData cause) {
            return new FailureAnalysis(cause.getMessage(), "Load the newer LearnBox's bundle again.", cause);
        }
    }
}
