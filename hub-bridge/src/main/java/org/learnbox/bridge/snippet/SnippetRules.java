package org.learnbox.bridge.snippet;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.util.unit.DataSize;

/**
 * What a snippet may be, checked before anything is written. File names become names on the
 * box's disk and in a learner's home, so they are plain names: no folders, no hidden files.
 */
final class SnippetRules {
    static final int MAX_TITLE = 120;
    static final int MAX_FILES = 20;
    static final int MAX_FILE_NAME = 100;

    private final DataSize maxSize;

    SnippetRules(DataSize maxSize) {
        this.maxSize = maxSize;
    }

    /** The draft as it will be stored (title tidied), or the first thing wrong with it, in words. */
    SnippetDraft check(SnippetDraft draft) {
        String title = draft.title() == null ? "" : draft.title().strip().replaceAll("\\s+", " ");
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new SnippetException("A snippet's title has 1 to " + MAX_TITLE + " characters; this one has "
                    + title.length() + ".");
        }
        if (draft.language() == null) throw new SnippetException(Language.missing());
        if (draft.visibility() == null) throw new SnippetException(Visibility.missing());
        List<SnippetFile> files = draft.files() == null ? List.of() : List.copyOf(draft.files());
        checkFiles(files);
        return new SnippetDraft(title, draft.language(), draft.visibility(), files);
    }

    private void checkFiles(List<SnippetFile> files) {
        if (files.size() > MAX_FILES) {
            throw new SnippetException("A snippet holds at most " + MAX_FILES + " files; this one has " + files.size()
                    + ". Put some of them together, or keep the project in your JupyterLab home.");
        }
        Set<String> seen = new HashSet<>();
        for (SnippetFile file : files) {
            checkName(file.name());
            if (!seen.add(file.name().toLowerCase(Locale.ROOT))) {
                throw new SnippetException("Two files are named \"" + file.name() + "\": give each file its own name.");
            }
        }
        long size = files.stream().mapToLong(SnippetFile::size).sum();
        if (size == 0) {
            throw new SnippetException("This snippet is empty: write something in at least one file.");
        }
        if (size > maxSize.toBytes()) {
            throw new SnippetException("This snippet's files hold " + readable(size) + " together; a snippet may hold"
                    + " at most " + readable(maxSize.toBytes()) + " (learnbox.snippets.max-size)."
                    + " Make the files smaller, or keep big data in your JupyterLab home.");
        }
    }

    static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new SnippetException("Every file needs a name, e.g. \"Main.java\" or \"index.html\".");
        }
        String shown = "The file name \"" + name + "\"";
        if (name.length() > MAX_FILE_NAME) {
            throw new SnippetException(shown + " is too long: use at most " + MAX_FILE_NAME + " characters.");
        }
        if (name.contains("/") || name.contains("\\")) {
            throw new SnippetException(shown + " has a '/' or '\\': a snippet's files sit side by side, without folders.");
        }
        if (name.startsWith(".") || name.contains("..")) {
            throw new SnippetException(shown + " starts with a dot or holds \"..\": use a plain name like \"main.py\".");
        }
        if (!name.equals(name.strip()) || name.chars().anyMatch(c -> Character.isISOControl(c) || c == ':')) {
            throw new SnippetException(shown + " has spaces at its ends, or characters that cannot be in a file name.");
        }
    }

    /** A size as a person reads it: 1 MB, 512 KB, 300 bytes. */
    static String readable(long bytes) {
        if (bytes >= 1024 * 1024) return trim(bytes / (1024.0 * 1024)) + " MB";
        if (bytes >= 1024) return trim(bytes / 1024.0) + " KB";
        return bytes + " bytes";
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
