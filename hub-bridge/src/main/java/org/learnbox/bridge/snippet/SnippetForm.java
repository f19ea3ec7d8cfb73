package org.learnbox.bridge.snippet;

import java.util.ArrayList;
import java.util.List;

/**
 * The editor's form as typed, kept whole so that a refused save shows the page again with
 * nothing lost. Fields are bound by name: {@code title}, {@code files[0].name}, ...
 */
public class SnippetForm {
    /** One file of the form. */
    public static class FileField {
        private String name = "";
        private String content = "";

        public FileField() {}

        FileField(String name, String content) {
            this.name = name;
            this.content = content;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name == null ? "" : name; }
        public String getContent() { return content; }
        /** For the page: a browser drops one newline right after {@code <textarea>}, this one, so the file's own first line stays. */
        public String getTextareaText() { return "\n" + content; }
        /** Browsers send a textarea's lines ending in CR LF; stored text keeps LF, so an unchanged file stays unchanged. */
        public void setContent(String content) { this.content = content == null ? "" : content.replace("\r\n", "\n"); }
    }

    private String title = "";
    private String language = Language.JAVA.id();
    private String visibility = Visibility.PRIVATE.id();
    private List<FileField> files = new ArrayList<>();

    /** A new snippet: one empty file, named as the language usually names it. */
    static SnippetForm blank(Language language) {
        SnippetForm form = new SnippetForm();
        form.language = language.id();
        form.files.add(new FileField(SnippetModes.firstFileName(language), ""));
        return form;
    }

    /** A new snippet with these files, in this order. */
    static SnippetForm of(Language language, List<SnippetFile> files) {
        SnippetForm form = new SnippetForm();
        form.language = language.id();
        files.forEach(file -> form.files.add(new FileField(file.name(), file.content())));
        return form;
    }

    static SnippetForm of(SnippetView snippet) {
        SnippetForm form = new SnippetForm();
        form.title = snippet.title();
        form.language = snippet.language().id();
        form.visibility = snippet.visibility().id();
        snippet.files().forEach(f -> form.files.add(new FileField(f.name(), f.content())));
        return form;
    }

    /** The draft to save; an unknown language or visibility is refused in words. */
    SnippetDraft toDraft() {
        return SnippetDraft.of(title, language, visibility,
                files.stream().map(f -> new SnippetFile(f.getName().strip(), f.getContent())).toList());
    }

    void addFile() {
        files.add(new FileField());
    }

    /** Takes a file off the form; the last one stays, a snippet needs one. */
    void removeFile(int index) {
        if (files.size() > 1 && index >= 0 && index < files.size()) files.remove(index);
    }

    /** The CodeMirror mode of each file, in order, from its name and the snippet's language. */
    public List<String> modes() {
        Language chosen = SnippetModes.languageOr(language, Language.JAVA);
        return files.stream().map(f -> SnippetModes.of(f.getName(), chosen)).toList();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title == null ? "" : title; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getVisibility() { return visibility; }
    public void setVisibility(String visibility) { this.visibility = visibility; }
    public List<FileField> getFiles() { return files; }
    public void setFiles(List<FileField> files) { this.files = files == null ? new ArrayList<>() : files; }
}
