package org.learnbox.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The four images that hold a jar build it in the same Maven stage, written out in each
 * Dockerfile (compose builds every Dockerfile on its own). Docker runs it once only while the
 * lines are the same, and the builder's image shares its first layers only while they open it.
 */
class JarsStageTest {
    private static final Path ROOT = Path.of("..");
    private static final List<String> WITH_JARS = List.of("box-image/bridge/Dockerfile", "box-image/gateway/Dockerfile",
            "sandbox-images/sandbox/Dockerfile", "sandbox-images/app-notebook/Dockerfile");

    @Test
    void everyImageWithAJarBuildsItInTheSameStage() throws Exception {
        String first = jarsStage(WITH_JARS.getFirst());
        assertThat(first).contains("FROM ${BASE_IMAGE} AS jars", "mvn -B -ntp -q -o -Dmaven.test.skip=true");
        for (String dockerfile : WITH_JARS) assertThat(jarsStage(dockerfile)).as(dockerfile).isEqualTo(first);
    }

    @Test
    void theStageOpensWithTheBuildersOwnLayers() throws Exception {
        String builder = instructions("sandbox-images/builder/Dockerfile");
        String stage = jarsStage(WITH_JARS.getFirst());
        String shared = stage.substring(stage.indexOf("ARG DEBIAN_FRONTEND"), stage.indexOf("WORKDIR /src"));
        assertThat(builder).contains(shared);
    }

    /** From the stage's FROM to the next FROM, comments and blank lines left out. */
    private static String jarsStage(String dockerfile) throws Exception {
        String all = instructions(dockerfile);
        int start = all.indexOf("FROM ${BASE_IMAGE} AS jars");
        assertThat(start).as(dockerfile + " has the jars stage").isNotNegative();
        return all.substring(start, all.indexOf("\nFROM ", start + 1));
    }

    private static String instructions(String dockerfile) throws Exception {
        return String.join("\n", Files.readAllLines(ROOT.resolve(dockerfile)).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList());
    }
}
