package org.learnbox.bridge.snippet;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A list or search of snippets: whose, in which language (null: any), and words that must
 * all appear, in any case, in the title, a file name or a file's text.
 */
public record SnippetQuery(Scope scope, Language language, String words) {
    public enum Scope {
        /** The person's own snippets, whatever their visibility. */
        MINE,
        /** Snippets shown to a class by people who share a class with the person (public ones too). */
        MY_CLASSES,
        /** Every public snippet of the box. */
        PUBLIC
    }

    public SnippetQuery {
        if (scope == null) throw new SnippetException("snippet.refused.no-scope");
    }

    public static SnippetQuery of(Scope scope) {
        return new SnippetQuery(scope, null, null);
    }

    /** From form text: a blank language means any language. */
    public static SnippetQuery of(Scope scope, String language, String words) {
        return new SnippetQuery(scope, language == null || language.isBlank() ? null : Language.parse(language), words);
    }

    List<String> wordList() {
        return words == null || words.isBlank() ? List.of()
                : Arrays.asList(words.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }

    boolean wantsLanguage(Language candidate) {
        return language == null || language == candidate;
    }

    /** Whether every word is in the title or the files; the files are read only when the title is not enough. */
    boolean matches(String title, Supplier<List<SnippetFile>> files) {
        List<String> wanted = wordList();
        String titleText = title.toLowerCase(Locale.ROOT);
        if (wanted.stream().allMatch(titleText::contains)) return true;
        StringBuilder text = new StringBuilder(titleText);
        for (SnippetFile file : files.get()) {
            text.append('\n').append(file.name().toLowerCase(Locale.ROOT))
                    .append('\n').append(file.content().toLowerCase(Locale.ROOT));
        }
        String all = text.toString();
        return wanted.stream().allMatch(all::contains);
    }
}
