package org.learnbox.bridge.snippet;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The pages' words for a snippet's languages and visibilities, by the ids the forms send, in the
 * language of the request (keys {@code snippet.language.ID} and {@code snippet.visibility.ID}).
 */
@Component
class SnippetWords {
    private final MessageSource words;

    SnippetWords(MessageSource words) {
        this.words = words;
    }

    Map<String, String> languages() {
        return words(Language.values(), Language::id, "snippet.language.");
    }

    Map<String, String> visibilities() {
        return words(Visibility.values(), Visibility::id, "snippet.visibility.");
    }

    private <E> Map<String, String> words(E[] values, Function<E, String> id, String prefix) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> named = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> named.put(id.apply(v), words.getMessage(prefix + id.apply(v), null, locale)));
        return Collections.unmodifiableMap(named);
    }
}
