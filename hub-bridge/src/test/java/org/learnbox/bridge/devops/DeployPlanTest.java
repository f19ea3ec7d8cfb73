package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.app.AppFiles;
import org.learnbox.bridge.app.AppKind;
import org.learnbox.bridge.app.AppManifest;

class DeployPlanTest {
    private static AppFiles files(String... pathsAndTexts) {
        AppFiles files = new AppFiles(1024 * 1024);
        for (int i = 0; i < pathsAndTexts.length; i += 2) files.add(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void theProjectSaysHowItIsBuiltAndRun() {
        AppManifest maven = Deployments.plan("shop", files("pom.xml", "<project/>", "src/main/java/Main.java", "class Main {}"));
        assertThat(maven).isEqualTo(new AppManifest("shop", AppKind.JAVA, "java -jar app.jar", 8080, "mvn -B -q package",
                java.util.Map.of()));

        AppManifest python = Deployments.plan("quiz", files("app.py", "print(1)"));
        assertThat(python.build()).isNull();
        assertThat(python.kind()).isEqualTo(AppKind.PYTHON);

        AppManifest told = Deployments.plan("site", files("learnbox.yaml", "name: my-site\nruntime: static\nbuild: ./make.sh\n",
                "pom.xml", "<project/>", "index.html", ""));
        assertThat(told.name()).isEqualTo("my-site");
        assertThat(told.kind()).as("the manifest wins over pom.xml").isEqualTo(AppKind.STATIC);
        assertThat(told.build()).isEqualTo("./make.sh");

        assertThat(Deployments.plan("nb", files("server.ipynb", "{}")).kind()).isEqualTo(AppKind.NOTEBOOK);
    }

    @Test
    void aBuildThatPrintsWithoutEndIsToldUpToALimitAndThenItsLastLines() {
        List<String> told = new ArrayList<>();
        BuildLines lines = new BuildLines(told::add);
        lines.add("first\r\nsecond\nthird, with");
        lines.add("out an end yet\n");
        assertThat(told).containsExactly("first", "second", "third, without an end yet");

        told.clear();
        BuildLines flood = new BuildLines(told::add);
        for (int i = 0; i < BuildLines.MAX_LINES + 100; i++) flood.add("line " + i + "\n");
        flood.add("the very end");
        flood.end();
        assertThat(told).hasSize(BuildLines.MAX_LINES + 1 + 30);
        assertThat(told.get(BuildLines.MAX_LINES)).isEqualTo("... 101 more lines; the last 30 of them:");
        assertThat(told.getLast()).isEqualTo("the very end");
    }
}
