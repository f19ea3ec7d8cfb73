package org.learnbox.bridge.devops;

import java.util.Locale;

/** Who may clone a repository besides its owner, the teachers of the owner's classes and the admins. */
public enum RepoVisibility {
    /** No one else. */
    PRIVATE,
    /** Anyone with its address, logged in or not (pushing stays the owner's alone). */
    PUBLIC;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RepoVisibility parse(String text) {
        String id = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (RepoVisibility visibility : values()) {
            if (visibility.id().equals(id)) return visibility;
        }
        throw new RepoException("repo.refused.visibility");
    }
}
