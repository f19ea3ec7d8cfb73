package org.learnbox.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MagicsTest {

    @TempDir
    Path dir;

    @Test
    void lsmagicListsEveryMagic() {
        Execution run = TestKernel.frontend().execute("%lsmagic");

        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.stdout()).contains("%classpath", "%jars", "%load", "%lsmagic", "%maven")
                .contains("%%html", "%%markdown", "%%snippet", "%%time");
    }

    @Test
    void htmlAndMarkdownCellsAreDisplayedAsSuch() {
        Execution html = TestKernel.frontend().execute("%%html\n<b>bold</b>\n");
        Execution markdown = TestKernel.frontend().execute("%%markdown\n# Title\n");

        assertThat(Execution.data(html.result().orElseThrow(), "text/html")).isEqualTo("<b>bold</b>");
        assertThat(Execution.data(markdown.result().orElseThrow(), "text/markdown")).isEqualTo("# Title");
    }

    @Test
    void timeRunsTheCellAndPrintsItsCpuAndWallTime() {
        Execution run = TestKernel.frontend().execute("%%time\nThread.sleep(20);\nSystem.out.println(\"done\");\n6 * 7");

        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.stdout()).startsWith("done\n").containsPattern("CPU time: [0-9.]+ (µs|ms|s)\nWall time: [0-9.]+ (ms|s)\n");
        assertThat(run.resultText()).isEqualTo("42");
    }

    @Test
    void errorsAfterALineMagicStillPointAtTheCellsLines() {
        Execution run = TestKernel.frontend().execute("%lsmagic\nint fine = 1;\nint broken = \"text\";");

        assertThat(run.status()).isEqualTo("error");
        assertThat(run.traceback()).contains("line 3");
    }

    @Test
    void unknownMagicIsAClearErrorAndTheKernelGoesOn() {
        Execution line = TestKernel.frontend().execute("%nosuchmagic 1 2");
        Execution cell = TestKernel.frontend().execute("%%nosuchcell\nbody");

        assertThat(line.status()).isEqualTo("error");
        assertThat(line.traceback()).contains("Unknown magic %nosuchmagic").contains("%lsmagic");
        assertThat(cell.traceback()).contains("Unknown magic %%nosuchcell");
        assertThat(TestKernel.frontend().execute("2 + 3").resultText()).isEqualTo("5");
    }

    @Test
    void loadRunsAFileAsACell() throws IOException {
        Path file = Files.writeString(dir.resolve("helpers.jsh"), """
                int triple(int x) {
                    return 3 * x;
                }
                System.out.println("loaded");
                """);

        Execution run = TestKernel.frontend().execute("%load " + file);

        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.stdout()).isEqualTo("loaded\n");
        assertThat(TestKernel.frontend().execute("triple(5)").resultText()).isEqualTo("15");
        assertThat(TestKernel.frontend().execute("%load " + dir.resolve("missing.java")).traceback())
                .contains("cannot read");
    }

    @Test
    void classpathAddMakesClassesUsableAndJarsListsThem() throws IOException {
        Path source = Files.writeString(Files.createDirectories(dir.resolve("src/greet")).resolve("Greeter.java"), """
                package greet;
                public class Greeter {
                    public static String hello(String name) { return "Hello, " + name; }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int compiled = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "--release", "21", "-d", classes.toString(), source.toString());
        assertThat(compiled).isZero();

        Execution add = TestKernel.frontend().execute("%classpath add " + classes);

        assertThat(add.status()).isEqualTo("ok");
        assertThat(TestKernel.frontend().execute("greet.Greeter.hello(\"Ada\")").resultText())
                .isEqualTo("\"Hello, Ada\"");
        assertThat(TestKernel.frontend().execute("%jars").stdout()).contains(classes.toString());
        assertThat(TestKernel.frontend().execute("%classpath add " + dir.resolve("nothing.jar")).traceback())
                .contains("does not exist");
    }

    @Test
    void mavenResolvesFromCentralThenWorksOfflineFromTheCache() {
        Path repository = dir.resolve("m2");
        String coordinates = "org.apache.commons:commons-text:1.13.0";

        var online = new MavenResolver(repository, MavenResolver.CENTRAL).resolve(coordinates);
        assertThat(online).extracting(p -> p.getFileName().toString())
                .contains("commons-text-1.13.0.jar", "commons-lang3-3.17.0.jar");

        // nothing listens on port 9: what resolves now comes from the cache
        MavenResolver offline = new MavenResolver(repository, "http://127.0.0.1:9/");
        assertThat(offline.resolve(coordinates)).isEqualTo(online);

        TestKernel.get().magics().useResolver(offline);
        try {
            Execution run = TestKernel.frontend().execute("""
                    %maven org.apache.commons:commons-text:1.13.0
                    import org.apache.commons.text.WordUtils;
                    WordUtils.capitalize("hello maven") + org.apache.commons.lang3.StringUtils.repeat('!', 2)
                    """);

            assertThat(run.status()).as(run.traceback()).isEqualTo("ok");
            assertThat(run.resultText()).isEqualTo("\"Hello Maven!!\"");
            assertThat(TestKernel.frontend().execute("%jars").stdout()).contains("commons-lang3-3.17.0.jar");
        } finally {
            TestKernel.get().magics().useResolver(MavenResolver.forUser());
        }
    }

    @Test
    void badOrMissingCoordinatesAreClearErrors() {
        TestKernel.get().magics().useResolver(new MavenResolver(dir.resolve("m2"), "http://127.0.0.1:9/"));
        try {
            Execution bad = TestKernel.frontend().execute("%maven commons-lang3");
            Execution missing = TestKernel.frontend().execute("%maven org.learnbox.nothing:nothing:1.0");

            assertThat(bad.status()).isEqualTo("error");
            assertThat(bad.traceback()).contains("not Maven coordinates").contains("group:artifact:version");
            assertThat(missing.traceback()).contains("Cannot resolve org.learnbox.nothing:nothing:1.0");
            assertThat(TestKernel.frontend().execute("1 + 2").resultText()).isEqualTo("3");
        } finally {
            TestKernel.get().magics().useResolver(MavenResolver.forUser());
        }
    }
}
