package org.learnbox.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** An image that docker compose builds from a clone says which version of the box it is, as one ./box builds does. */
class ComposeBuildLabelsTest {
    private static final Path ROOT = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void everyImageComposeBuildsCarriesTheProjectsVersion() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("box-image/compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        long built = 0;
        for (var service : services.entrySet()) {
            Map<String, Object> build = (Map<String, Object>) service.getValue().get("build");
            if (build == null) continue;
            built++;
            Map<String, String> labels = (Map<String, String>) build.get("labels");
            assertThat(labels).as(service.getKey() + "'s build labels")
                    .containsEntry("org.opencontainers.image.version", projectVersion())
                    .containsEntry("org.opencontainers.image.vendor", "LearnBox");
        }
        assertThat(built).as("services with a build").isGreaterThanOrEqualTo(11);
    }

    private static String projectVersion() throws Exception {
        Matcher version = Pattern.compile("<artifactId>learnbox</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(version.find()).as("the root pom names the project's version").isTrue();
        return version.group(1);
    }
}
