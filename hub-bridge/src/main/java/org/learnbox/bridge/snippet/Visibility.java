package org.learnbox.bridge.snippet;

/** Who sees a snippet besides its owner, its owner's teachers and the admins. */
public enum Visibility {
    /** No one else. */
    PRIVATE,
    /** Everyone who shares a class with the owner. */
    CLASS,
    /** Anyone who has the link, logged in or not. */
    PUBLIC;

    public String id() {
        return EnumIds.id(this);
    }

    public static Visibility parse(String text) {
        return EnumIds.parse(values(), text, "snippet.choice.visibility", Visibility::missing);
    }

    static SnippetException missing() {
        return new SnippetException("snippet.refused.no-visibility", EnumIds.ids(values()));
    }
}
