package org.learnbox.bridge.snippet;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.learnbox.bridge.config.Words;

/** The lower-case words people use for a snippet's choices ("java", "class"), and their refusals. */
final class EnumIds {
    private EnumIds() {}

    static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static String ids(Enum<?>[] values) {
        return Arrays.stream(values).map(EnumIds::id).collect(Collectors.joining(", "));
    }

    /** The value named by the text in any case; blank or unknown text is refused in words. */
    static <E extends Enum<E>> E parse(E[] values, String text, String whatKey, Supplier<SnippetException> missing) {
        String id = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (id.isEmpty()) throw missing.get();
        return Arrays.stream(values).filter(v -> id(v).equals(id)).findFirst()
                .orElseThrow(() -> new SnippetException("snippet.refused.not-one-of", text.strip(), Words.phrase(whatKey),
                        ids(values)));
    }
}
