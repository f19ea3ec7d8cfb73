package org.learnbox.bridge.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** What this LearnBox is: its version (from the build) and the newest database schema it knows. */
@Component
public class BoxVersion {
    private static final String MIGRATIONS = "classpath*:db/migration/V*__*.sql";

    private final String version;
    private final String built;

    public BoxVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "development" : properties.getVersion();
        this.built = properties == null || properties.getTime() == null ? "unknown" : properties.getTime().toString();
    }

    public String version() {
        return version;
    }

    /** When the jar was built: two builds of one version differ in it. */
    public String built() {
        return built;
    }

    /** The newest schema among the migrations this LearnBox carries (Flyway's V&lt;version&gt;__name.sql). */
    public static MigrationVersion newestSchema() {
        try {
            Resource[] migrations = new PathMatchingResourcePatternResolver().getResources(MIGRATIONS);
            return Arrays.stream(migrations).map(Resource::getFilename)
                    .map(name -> MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")).replace('_', '.')))
                    .max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
