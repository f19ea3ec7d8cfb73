package org.learnbox.kernel;

import java.util.regex.Pattern;

/** Javadoc comment text made readable as plain text in an inspect tooltip. */
final class JavadocText {

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain|value)\\s+([^}]*)}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    private JavadocText() {
    }

    static String plain(String javadoc) {
        String text = INLINE_TAG.matcher(javadoc).replaceAll(m -> m.group(1).strip().replace("\\", "\\\\").replace("$", "\\$"));
        text = HTML_TAG.matcher(text).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }
}
