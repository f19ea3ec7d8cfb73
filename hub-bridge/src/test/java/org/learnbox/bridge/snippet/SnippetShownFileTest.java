package org.learnbox.bridge.snippet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a snippet's page highlights a file: by its extension, else its language; a notebook by its cells. */
class SnippetShownFileTest {
    @Test
    void aFileIsHighlightedByItsExtensionAndOtherwiseByTheSnippetsLanguage() {
        assertThat(SnippetModes.of("Main.java", Language.PYTHON)).isEqualTo("text/x-java");
        assertThat(SnippetModes.of("style.CSS", Language.WEB)).isEqualTo("text/css");
        assertThat(SnippetModes.of("app.js", Language.WEB)).isEqualTo("text/javascript");
        assertThat(SnippetModes.of("Makefile", Language.PYTHON)).isEqualTo("text/x-python");
        assertThat(SnippetModes.of("page", Language.WEB)).isEqualTo("text/html");
        assertThat(ShownFile.of(new SnippetFile("main.py", "print(1)"), Language.PYTHON).blocks())
                .containsExactly(new ShownFile.Block("text/x-python", "print(1)"));
    }

    @Test
    void aNotebookShowsItsCellsCodeInItsKernelsLanguage() {
        String notebook = """
                {"nbformat": 4, "nbformat_minor": 5,
                 "metadata": {"kernelspec": {"name": "java", "language": "java", "display_name": "Java"}},
                 "cells": [
                   {"cell_type": "markdown", "metadata": {}, "source": ["# Loops\\n", "Count to three."]},
                   {"cell_type": "code", "metadata": {}, "source": "for (int i = 0; i < 3; i++) System.out.println(i);",
                    "outputs": [], "execution_count": null}]}
                """;
        ShownFile shown = ShownFile.of(new SnippetFile("loops.ipynb", notebook), Language.NOTEBOOK);
        assertThat(shown.blocks()).containsExactly(
                new ShownFile.Block("text/plain", "# Loops\nCount to three."),
                new ShownFile.Block("text/x-java", "for (int i = 0; i < 3; i++) System.out.println(i);"));

        String python = notebook.replace("\"kernelspec\": {\"name\": \"java\", \"language\": \"java\", \"display_name\": \"Java\"}",
                "\"language_info\": {\"name\": \"python\"}");
        assertThat(ShownFile.of(new SnippetFile("loops.ipynb", python), Language.NOTEBOOK).blocks().get(1).mode())
                .isEqualTo("text/x-python");
    }

    @Test
    void aNotebookThatCannotBeReadIsShownAsItIs() {
        ShownFile broken = ShownFile.of(new SnippetFile("broken.ipynb", "{\"cells\": ["), Language.NOTEBOOK);
        assertThat(broken.blocks()).containsExactly(new ShownFile.Block("application/json", "{\"cells\": ["));
    }

    @Test
    void theEditorFormKeepsLfLinesAndTheLastFile() {
        SnippetForm form = SnippetForm.blank(Language.PYTHON);
        form.getFiles().getFirst().setContent("a = 1\r\nb = 2\r\n");
        form.removeFile(0);
        assertThat(form.getFiles()).hasSize(1);
        form.addFile();
        form.getFiles().get(1).setName(" notes.txt ");
        form.setTitle("Sums");
        SnippetDraft draft = form.toDraft();
        assertThat(draft.files()).containsExactly(new SnippetFile("main.py", "a = 1\nb = 2\n"), new SnippetFile("notes.txt", ""));
        assertThat(form.modes()).containsExactly("text/x-python", "text/plain");
    }
}
