package org.learnbox.bridge.snippet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snippet files on disk: one folder per version, whole or absent. */
class SnippetFilesTest {
    @TempDir Path root;

    private static final String ID = "abcDEF2345";

    @Test
    void eachVersionHasItsOwnFolderAndReadsBackInOrder() throws Exception {
        SnippetFiles store = new SnippetFiles(root);
        store.write(ID, 1, List.of(new SnippetFile("index.html", "<h1>Grüß</h1>"), new SnippetFile("app.js", "go()")));
        store.write(ID, 2, List.of(new SnippetFile("app.js", "stop()")));

        assertThat(store.read(ID, 1, List.of("index.html", "app.js")))
                .containsExactly(new SnippetFile("index.html", "<h1>Grüß</h1>"), new SnippetFile("app.js", "go()"));
        assertThat(store.read(ID, 2, List.of("app.js"))).containsExactly(new SnippetFile("app.js", "stop()"));
        assertThat(Files.readString(root.resolve(ID).resolve("v1").resolve("app.js"))).isEqualTo("go()");
        assertThat(root.resolve(".incoming")).isEmptyDirectory();
    }

    @Test
    void halfWrittenLeftoversAreSweptAtStartAndAnUncommittedVersionIsReplacedWhole() throws Exception {
        Files.createDirectories(root.resolve(".incoming/crashed"));
        Files.writeString(root.resolve(".incoming/crashed/half.py"), "pri");
        Files.createDirectories(root.resolve(ID).resolve("v1"));
        Files.writeString(root.resolve(ID).resolve("v1").resolve("stale.py"), "never committed");

        SnippetFiles store = new SnippetFiles(root);
        assertThat(root.resolve(".incoming")).doesNotExist();
        store.write(ID, 1, List.of(new SnippetFile("main.py", "print(1)")));

        try (var names = Files.list(root.resolve(ID).resolve("v1"))) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("main.py");
        }
    }

    @Test
    void discardAndDeleteTakeAwayOneVersionOrAll() {
        SnippetFiles store = new SnippetFiles(root);
        store.write(ID, 1, List.of(new SnippetFile("a.py", "1")));
        store.write(ID, 2, List.of(new SnippetFile("a.py", "2")));
        store.discard(ID, 2);
        assertThat(root.resolve(ID).resolve("v2")).doesNotExist();
        assertThat(root.resolve(ID).resolve("v1")).exists();
        store.deleteAll(ID);
        assertThat(store.exists(ID)).isFalse();
    }

    @Test
    void namesAndIdsThatWouldLeaveTheStoreAreNeverUsed() {
        SnippetFiles store = new SnippetFiles(root.resolve("snippets"));
        assertThatThrownBy(() -> store.write("../../etc1", 1, List.of(new SnippetFile("a.py", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.write(ID, 1, List.of(new SnippetFile("../a.py", "x"))))
                .isInstanceOf(SnippetException.class);
        assertThatThrownBy(() -> store.read(ID, 1, List.of("../../secret")))
                .isInstanceOf(SnippetException.class);
        assertThat(root.resolve("a.py")).doesNotExist();
        assertThat(root.resolve("snippets").resolve(ID)).doesNotExist();
        assertThat(root.resolve("snippets").resolve(".incoming")).isEmptyDirectory();
    }
}
