package org.learnbox.bridge.snippet;

/** What a snippet is written in; decides how it is shown and run. */
public enum Language {
    JAVA, PYTHON, WEB, NOTEBOOK;

    public String id() {
        return EnumIds.id(this);
    }

    public static Language parse(String text) {
        return EnumIds.parse(values(), text, "a snippet language", missing());
    }

    static String missing() {
        return "Choose the snippet's language: one of " + EnumIds.ids(values()) + ".";
    }
}
