package org.learnbox.bridge.snippet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetRunnerTest {
    private static SnippetView snippet(Language language, SnippetFile... files) {
        return new SnippetView("AbCdEfGhJk", "ada", "t", language, Visibility.PUBLIC, 1, 1, Instant.now(),
                List.of(files), null, false, false);
    }

    @Test
    void theProgramIsTheFileThatCanRun() {
        assertThat(SnippetRunner.program(snippet(Language.PYTHON, new SnippetFile("util.py", ""), new SnippetFile("main.py", ""))))
                .isEqualTo("python3 'main.py'");
        assertThat(SnippetRunner.program(snippet(Language.JAVA, new SnippetFile("Util.java", "class Util {}"),
                new SnippetFile("App.java", "class App { public static void main(String[] a) {} }"))))
                .isEqualTo("java 'App.java'");
        assertThat(SnippetRunner.program(snippet(Language.PYTHON, new SnippetFile("it's.py", ""))))
                .isEqualTo("python3 'it'\\''s.py'");
        assertThat(SnippetRunner.program(snippet(Language.NOTEBOOK, new SnippetFile("server.ipynb", "{}"))))
                .isEqualTo("learnbox-run-notebook 'server.ipynb'");
    }

    @Test
    void whatIsNotAProgramIsSaidInWords() {
        assertThatThrownBy(() -> SnippetRunner.program(snippet(Language.WEB, new SnippetFile("index.html", ""))))
                .hasMessageContaining("publish it as a live app");
        assertThatThrownBy(() -> SnippetRunner.program(snippet(Language.JAVA, new SnippetFile("Util.java", "class Util {}"))))
                .hasMessage("None of this snippet's .java files has a main method to run.");
        assertThatThrownBy(() -> SnippetRunner.program(snippet(Language.PYTHON, new SnippetFile("notes.txt", ""))))
                .hasMessage("This snippet has no .py file to run.");
    }
}
