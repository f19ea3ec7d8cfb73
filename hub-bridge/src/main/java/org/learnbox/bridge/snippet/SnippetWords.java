package org.learnbox.bridge.snippet;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The pages' words for a snippet's languages and visibilities, by the ids the forms send. */
final class SnippetWords {
    static final Map<String, String> LANGUAGES = words(Language.values(), Language::id, l -> switch (l) {
        case JAVA -> "Java";
        case PYTHON -> "Python";
        case WEB -> "HTML/CSS/JS";
        case NOTEBOOK -> "Notebook";
    });

    static final Map<String, String> VISIBILITIES = words(Visibility.values(), Visibility::id, v -> switch (v) {
        case PRIVATE -> "Private: only me (and my teachers)";
        case CLASS -> "My classes: everyone who shares a class with me";
        case PUBLIC -> "Public: anyone with the link, even without logging in";
    });

    private SnippetWords() {}

    private static <E> Map<String, String> words(E[] values, Function<E, String> id, Function<E, String> word) {
        Map<String, String> words = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> words.put(id.apply(v), word.apply(v)));
        return Collections.unmodifiableMap(words);
    }
}
