package org.learnbox.bridge.snippet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** What a snippet may be, and how each refusal reads. */
class SnippetRulesTest {
    private final SnippetRules rules = new SnippetRules(DataSize.ofKilobytes(1));

    private static SnippetDraft draft(String title, SnippetFile... files) {
        return new SnippetDraft(title, Language.PYTHON, Visibility.PRIVATE, List.of(files));
    }

    private static SnippetFile file(String name) {
        return new SnippetFile(name, "print(1)");
    }

    @Test
    void aGoodDraftPassesWithItsTitleTidied() {
        SnippetDraft checked = rules.check(draft("  Fizz \n  buzz ", file("main.py"), file("Helper_2.py")));
        assertThat(checked.title()).isEqualTo("Fizz buzz");
        assertThat(checked.files()).extracting(SnippetFile::name).containsExactly("main.py", "Helper_2.py");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "a/b.py", "a\\b.py", "..", ".", ".bashrc", "x..y", "C:evil", "tab\there.py",
            " padded.py"})
    void fileNamesThatCouldLeaveTheirFolderOrHideAreRefused(String name) {
        assertThatThrownBy(() -> rules.check(draft("t", file(name))))
                .isInstanceOf(SnippetException.class)
                .hasMessageStartingWith("The file name \"" + name + "\"");
    }

    @Test
    void eachNameRefusalSaysWhatIsWrong() {
        assertThatThrownBy(() -> rules.check(draft("t", file("src/Main.java"))))
                .hasMessage("The file name \"src/Main.java\" has a '/' or '\\': a snippet's files sit side by side, without folders.");
        assertThatThrownBy(() -> rules.check(draft("t", file(".env"))))
                .hasMessage("The file name \".env\" starts with a dot or holds \"..\": use a plain name like \"main.py\".");
        assertThatThrownBy(() -> rules.check(draft("t", file("a".repeat(101)))))
                .hasMessageEndingWith("is too long: use at most 100 characters.");
        assertThatThrownBy(() -> rules.check(draft("t", file(" "))))
                .hasMessage("Every file needs a name, e.g. \"Main.java\" or \"index.html\".");
        assertThatThrownBy(() -> rules.check(draft("t", file("Main.py"), file("main.py"))))
                .hasMessage("Two files are named \"main.py\": give each file its own name.");
        assertThat(rules.check(draft("t", file("a".repeat(100)))).files()).hasSize(1);
    }

    @Test
    void titlesHaveOneTo120Characters() {
        assertThatThrownBy(() -> rules.check(draft("   ", file("a.py"))))
                .isInstanceOf(SnippetException.class)
                .hasMessage("A snippet's title has 1 to 120 characters; this one has 0.");
        assertThatThrownBy(() -> rules.check(draft("x".repeat(121), file("a.py"))))
                .hasMessage("A snippet's title has 1 to 120 characters; this one has 121.");
        assertThat(rules.check(draft("x".repeat(120), file("a.py"))).title()).hasSize(120);
    }

    @Test
    void atMostTwentyFiles() {
        List<SnippetFile> files = new ArrayList<>();
        for (int i = 0; i < 21; i++) files.add(new SnippetFile("f" + i + ".py", "x"));
        assertThatThrownBy(() -> rules.check(new SnippetDraft("t", Language.PYTHON, Visibility.PRIVATE, files)))
                .hasMessageStartingWith("A snippet holds at most 20 files; this one has 21.");
        assertThat(rules.check(new SnippetDraft("t", Language.PYTHON, Visibility.PRIVATE, files.subList(0, 20))).files())
                .hasSize(20);
    }

    @Test
    void anEmptySnippetIsRefused() {
        assertThatThrownBy(() -> rules.check(draft("t")))
                .hasMessage("This snippet is empty: write something in at least one file.");
        assertThatThrownBy(() -> rules.check(draft("t", new SnippetFile("a.py", ""), new SnippetFile("b.py", null))))
                .hasMessage("This snippet is empty: write something in at least one file.");
    }

    @Test
    void theSizeLimitCountsAllFilesInUtf8AndTheRefusalNamesTheLimitAndWhatToDo() {
        assertThat(rules.check(draft("t", new SnippetFile("a.py", "x".repeat(1024)))).files()).hasSize(1);
        assertThatThrownBy(() -> rules.check(draft("t", new SnippetFile("a.py", "x".repeat(600)),
                new SnippetFile("b.py", "é".repeat(300)))))
                .hasMessage("This snippet's files hold 1.2 KB together; a snippet may hold at most 1 KB"
                        + " (learnbox.snippets.max-size). Make the files smaller, or keep big data in your JupyterLab home.");
    }

    @Test
    void languageAndVisibilityAreNamedOrRefusedInWords() {
        assertThat(SnippetDraft.of("t", " Java ", "CLASS", List.of()).language()).isEqualTo(Language.JAVA);
        assertThatThrownBy(() -> SnippetDraft.of("t", "cobol", "private", List.of()))
                .isInstanceOf(SnippetException.class)
                .hasMessage("'cobol' is not a snippet language: choose one of java, python, web, notebook.");
        assertThatThrownBy(() -> SnippetDraft.of("t", "java", "friends", List.of()))
                .hasMessage("'friends' is not a choice of who sees a snippet: choose one of private, class, public.");
        assertThatThrownBy(() -> rules.check(new SnippetDraft("t", null, Visibility.PUBLIC, List.of(file("a.py")))))
                .hasMessage("Choose the snippet's language: one of java, python, web, notebook.");
        assertThatThrownBy(() -> SnippetDraft.of("t", "web", "", List.of()))
                .hasMessage("Choose who sees the snippet: one of private, class, public.");
    }

    @Test
    void sizesReadLikeAPersonWouldSayThem() {
        assertThat(SnippetRules.readable(300)).isEqualTo("300 bytes");
        assertThat(SnippetRules.readable(2048)).isEqualTo("2 KB");
        assertThat(SnippetRules.readable(1024 * 1024)).isEqualTo("1 MB");
        assertThat(SnippetRules.readable(1024 * 1024 + 300 * 1024)).isEqualTo("1.3 MB");
    }
}
