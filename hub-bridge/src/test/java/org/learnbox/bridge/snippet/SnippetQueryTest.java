package org.learnbox.bridge.snippet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SnippetQueryTest {
    private static final Supplier<List<SnippetFile>> FILES =
            () -> List.of(new SnippetFile("Sorter.java", "class Sorter { void quickSort() {} }"));

    @Test
    void everyWordMustBeInTheTitleAFileNameOrAFileInAnyCase() {
        SnippetQuery query = SnippetQuery.of(SnippetQuery.Scope.MINE, "", "QUICKSORT  sorting");
        assertThat(query.matches("Sorting things", FILES)).isTrue();
        assertThat(query.matches("Things", FILES)).isFalse();
        assertThat(SnippetQuery.of(SnippetQuery.Scope.MINE, null, "sorter.java").matches("x", FILES)).isTrue();
        assertThat(SnippetQuery.of(SnippetQuery.Scope.MINE).matches("anything", FILES)).isTrue();
    }

    @Test
    void filesAreNotReadWhenTheTitleAlreadyMatches() {
        Supplier<List<SnippetFile>> unread = () -> {
            throw new AssertionError("files were read");
        };
        assertThat(SnippetQuery.of(SnippetQuery.Scope.PUBLIC, null, "fizz").matches("FizzBuzz", unread)).isTrue();
    }

    @Test
    void aBlankLanguageMeansAnyAndAnUnknownOneIsRefused() {
        assertThat(SnippetQuery.of(SnippetQuery.Scope.MINE, " ", null).wantsLanguage(Language.WEB)).isTrue();
        SnippetQuery python = SnippetQuery.of(SnippetQuery.Scope.MINE, "python", null);
        assertThat(python.wantsLanguage(Language.PYTHON)).isTrue();
        assertThat(python.wantsLanguage(Language.JAVA)).isFalse();
        assertThatThrownBy(() -> SnippetQuery.of(SnippetQuery.Scope.MINE, "perl", null))
                .isInstanceOf(SnippetException.class).hasMessageStartingWith("'perl' is not a snippet language");
    }
}
