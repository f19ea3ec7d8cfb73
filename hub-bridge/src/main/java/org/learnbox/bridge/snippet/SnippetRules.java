package org.learnbox.bridge.snippet;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.learnbox.bridge.config.Words;
import org.springframework.context.MessageSourceResolvable;
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
            throw new SnippetException("snippet.refused.title", MAX_TITLE, title.length());
        }
        if (draft.language() == null) throw Language.missing();
        if (draft.visibility() == null) throw Visibility.missing();
        List<SnippetFile> files = draft.files() == null ? List.of() : List.copyOf(draft.files());
        checkFiles(files);
        return new SnippetDraft(title, draft.language(), draft.visibility(), files);
    }

    private void checkFiles(List<SnippetFile> files) {
        if (files.size() > MAX_FILES) {
            throw new SnippetException("snippet.refused.too-many-files", MAX_FILES, files.size());
        }
        Set<String> seen = new HashSet<>();
        for (SnippetFile file : files) {
            checkName(file.name());
            if (!seen.add(file.name().toLowerCase(Locale.ROOT))) {
                throw new SnippetException("snippet.refused.same-name", file.name());
            }
        }
        long size = files.stream().mapToLong(SnippetFile::size).sum();
        if (size == 0) {
            throw new SnippetException("snippet.refused.empty");
        }
        if (size > maxSize.toBytes()) {
            throw new SnippetException("snippet.refused.too-big", size(size), size(maxSize.toBytes()));
        }
    }

    static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new SnippetException("snippet.refused.file-no-name");
        }
        if (name.length() > MAX_FILE_NAME) {
            throw new SnippetException("snippet.refused.file-name-long", name, MAX_FILE_NAME);
        }
        if (name.contains("/") || name.contains("\\")) {
            throw new SnippetException("snippet.refused.file-name-folder", name);
        }
        if (name.startsWith(".") || name.contains("..")) {
            throw new SnippetException("snippet.refused.file-name-dot", name);
        }
        if (!name.equals(name.strip()) || name.chars().anyMatch(c -> Character.isISOControl(c) || c == ':')) {
            throw new SnippetException("snippet.refused.file-name-chars", name);
        }
    }

    /** A size as a person reads it: 1 MB, 512 KB, 300 bytes. */
    static String readable(long bytes) {
        return Words.english(size(bytes));
    }

    /** A size in the reader's words. */
    static MessageSourceResolvable size(long bytes) {
        if (bytes >= 1024 * 1024) return Words.phrase("size.mb", trim(bytes / (1024.0 * 1024)));
        if (bytes >= 1024) return Words.phrase("size.kb", trim(bytes / 1024.0));
        return Words.phrase("size.bytes", String.valueOf(bytes));
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
