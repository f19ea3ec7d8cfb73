package org.learnbox.bridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AppManifestTest {
    private static AppFiles files(String... pathsAndTexts) {
        AppFiles files = new AppFiles(1024 * 1024);
        for (int i = 0; i < pathsAndTexts.length; i += 2) files.add(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void withoutAManifestTheFilesSayHowTheAppRuns() {
        assertThat(AppManifest.of(files("app.py", "print(1)"), "my-app"))
                .isEqualTo(new AppManifest("my-app", AppKind.PYTHON, "python3 app.py", 8080));
        assertThat(AppManifest.of(files("main.py", "print(1)"), "other").command()).isEqualTo("python3 main.py");
        assertThat(AppManifest.of(files("index.html", "<h1>hi</h1>"), "site").kind()).isEqualTo(AppKind.STATIC);
        AppManifest java = AppManifest.of(files("src/web/Server.java", "class Server { public static void main(String[] a) {} }",
                "src/web/Util.java", "class Util {}"), "web");
        assertThat(java.kind()).isEqualTo(AppKind.JAVA);
        assertThat(java.command()).isEqualTo("java -cp /app/.classes src.web.Server");
        assertThat(dockerfileOf(java)).contains("FROM learnbox/app-java:latest", "then javac -encoding UTF-8", "ENV PORT=8080",
                "CMD [\"/bin/sh\", \"-c\", \"exec java -cp /app/.classes src.web.Server\"]");
    }

    @Test
    void aProgramThatOpensWindowsIsADesktopAppEachVisitorGetsAnInstanceOf() {
        AppManifest swing = AppManifest.of(files("Main.java", "import javax.swing.*;\nclass Main { public static void main(String[] a) {} }"), "counter");
        assertThat(swing).isEqualTo(new AppManifest("counter", AppKind.DESKTOP, "java -cp /app/.classes Main", 8080));
        assertThat(dockerfileOf(swing)).contains("FROM learnbox/app-desktop:latest", "then javac -encoding UTF-8",
                "ENV LEARNBOX_APP_NAME=\"counter\"", "CMD [\"learnbox-window-app\", \"java -cp /app/.classes Main\"]");
        AppManifest awt = AppManifest.of(files("Paint.java", "class Paint { java.awt.Frame f; public static void main(String[] a) {} }"), "paint");
        assertThat(awt.kind()).isEqualTo(AppKind.DESKTOP);
        AppManifest turtle = AppManifest.of(files("main.py", "from turtle import *\nforward(100)\n"), "star");
        assertThat(turtle.command()).isEqualTo("python3 main.py");
        assertThat(turtle.kind()).isEqualTo(AppKind.DESKTOP);
        assertThat(AppManifest.of(files("app.py", "  import tkinter as tk\n"), "tk").kind()).isEqualTo(AppKind.DESKTOP);
        // Words in a string or a name are not imports; a web server stays a web app.
        assertThat(AppManifest.of(files("app.py", "print('import turtle')\nimport turtles_web\n"), "web").kind()).isEqualTo(AppKind.PYTHON);
        assertThat(AppManifest.of(files("Server.java", "class Server { String s = \"javax.swingy\"; public static void main(String[] a) {} }"), "srv").kind())
                .isEqualTo(AppKind.JAVA);
        // The manifest decides over what the files look like.
        assertThat(AppManifest.of(files("learnbox.yaml", "runtime: java\n", "Chart.java",
                "import java.awt.image.BufferedImage;\nclass Chart { public static void main(String[] a) {} }"), "chart").kind()).isEqualTo(AppKind.JAVA);
    }

    @Test
    void theManifestNamesTheAppItsRuntimeCommandAndPort() {
        AppManifest manifest = AppManifest.of(files("learnbox.yaml", "name: quiz\nruntime: python\ncommand: python3 -m quiz\nport: 9000\n",
                "quiz/__main__.py", ""), "folder");
        assertThat(manifest).isEqualTo(new AppManifest("quiz", AppKind.PYTHON, "python3 -m quiz", 9000));
        assertThat(dockerfileOf(manifest)).contains("ENV PORT=9000").doesNotContain("javac");
    }

    @Test
    void aManifestThatDoesNotValidateIsRefusedInWords() {
        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "runtime: cobol\n", "app.py", ""), "x1"))
                .hasMessage("'cobol' is not a runtime: use one of java, python, static, notebook, desktop.");
        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "name: Bad Name\n", "app.py", ""), "x1"))
                .hasMessageContaining("'Bad Name' is not a name for an app");
        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "name: a--b\n", "app.py", ""), "x1"))
                .hasMessageContaining("'a--b' is not a name for an app");
        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "port: 80\n", "app.py", ""), "x1"))
                .hasMessageContaining("must be a number from 1024 to 65535");
        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "colour: red\n", "app.py", ""), "x1"))
                .hasMessage("learnbox.yaml has an unknown key 'colour': use name, runtime, command, port, notebook, build, env.");
        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "name: [unclosed\n", "app.py", ""), "x1"))
                .hasMessageStartingWith("learnbox.yaml is not valid YAML");
        assertThatThrownBy(() -> AppManifest.of(files("notes.txt", "hello"), "x1"))
                .hasMessageContaining("cannot tell how to run this app");
        assertThatThrownBy(() -> AppManifest.of(files("Util.java", "class Util {}"), "x1"))
                .hasMessageContaining("None of the app's .java files has a main method");
    }

    @Test
    void aFolderWithOneNotebookIsANotebookAppAndTheManifestPicksOneOfSeveral() {
        AppManifest alone = AppManifest.of(files("server.ipynb", "{}", "data/notes.ipynb", "{}"), "nb");
        assertThat(alone).isEqualTo(new AppManifest("nb", AppKind.NOTEBOOK, "learnbox-run-notebook 'server.ipynb'", 8080));
        assertThat(dockerfileOf(alone)).contains("FROM learnbox/app-notebook:latest", "exec learnbox-run-notebook 'server.ipynb'");
        assertThat(AppManifest.of(files("learnbox.yaml", "runtime: notebook\nnotebook: b.ipynb\nport: 5000\n",
                "a.ipynb", "{}", "b.ipynb", "{}"), "nb").command()).isEqualTo("learnbox-run-notebook 'b.ipynb'");

        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "runtime: notebook\n", "a.ipynb", "{}", "b.ipynb", "{}"), "nb"))
                .hasMessage("The app's folder has 2 notebooks at its top; name the one to run in learnbox.yaml, like:"
                        + " notebook: server.ipynb");
        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "runtime: notebook\nnotebook: c.ipynb\n", "a.ipynb", "{}"), "nb"))
                .hasMessage("'notebook' in learnbox.yaml names 'c.ipynb', which is not a notebook of the app.");
        assertThatThrownBy(() -> AppManifest.of(files("a.ipynb", "{}", "b.ipynb", "{}"), "nb"))
                .hasMessageContaining("cannot tell how to run this app");
    }

    @Test
    void aPushedProjectsManifestSaysHowToBuildItAndWhatItsEnvironmentIs() {
        AppManifest manifest = AppManifest.of(files("learnbox.yaml", "runtime: python\nbuild: python3 make_site.py\n"
                + "env:\n  GREETING: \"Hello \\\"you\\\"\"\n  LEVEL: 3\n", "app.py", ""), "site");
        assertThat(manifest.build()).isEqualTo("python3 make_site.py");
        assertThat(manifest.env()).containsEntry("GREETING", "Hello \"you\"").containsEntry("LEVEL", "3");
        assertThat(dockerfileOf(manifest)).contains("ENV GREETING=\"Hello \\\"you\\\"\"", "ENV LEVEL=\"3\"");

        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "env:\n  PORT: 1\n", "app.py", ""), "x1"))
                .hasMessageContaining("'PORT' in env of learnbox.yaml is not a variable the box sets");
        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "env:\n  lower: 1\n", "app.py", ""), "x1"))
                .hasMessageContaining("'lower' in env of learnbox.yaml");
        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "env: [1, 2]\n", "app.py", ""), "x1"))
                .hasMessage("'env' in learnbox.yaml must be a mapping of at most 50 names to values.");
    }

    @Test
    void aCommandCannotBreakOutOfItsLineInTheImage() {
        AppManifest manifest = AppManifest.of(files("learnbox.yaml", "command: 'echo \"hi\" \\\\ there'\n", "app.py", ""), "quotes");
        assertThat(dockerfileOf(manifest)).contains("CMD [\"/bin/sh\", \"-c\", \"exec echo \\\"hi\\\" \\\\\\\\ there\"]");
        assertThatThrownBy(() -> AppManifest.of(files("learnbox.yaml", "command: \"a\\nRUN evil\"\n", "app.py", ""), "x1"))
                .hasMessageContaining("one line");
    }

    /** The app's Dockerfile on the runtime image of a box whose images are its own (learnbox/...). */
    private static String dockerfileOf(AppManifest manifest) {
        return manifest.dockerfile(org.learnbox.bridge.config.LearnboxProperties.image("learnbox", manifest.kind().imageName()));
    }
}
