package org.learnbox.bridge.snippet;

/** What a snippet is written in; decides how it is shown and run. */
public enum Language {
    JAVA, PYTHON, WEB, NOTEBOOK;

    public String id() {
        return EnumIds.id(this);
    }

    public static Language parse(String text) {
        return EnumIds.parse(values(), text, "snippet.choice.language", Language::missing);
    }

    static SnippetException missing() {
        return new SnippetException("snippet.refused.no-language", EnumIds.ids(values()));
    }
}
