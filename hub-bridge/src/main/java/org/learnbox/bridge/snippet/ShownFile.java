package org.learnbox.bridge.snippet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file as a snippet's page shows it: blocks of text, each highlighted in a CodeMirror mode.
 * A notebook shows its cells' sources, code in its kernel's language (Java or Python) and
 * text as written; a file that is not a readable notebook is shown as it is.
 */
public record ShownFile(String name, List<Block> blocks) {
    /** A piece of a file; {@code mode} is a CodeMirror MIME mode. */
    public record Block(String mode, String text) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<ShownFile> of(SnippetView snippet) {
        return snippet.files().stream().map(f -> of(f, snippet.language())).toList();
    }

    static ShownFile of(SnippetFile file, Language language) {
        if (file.name().toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
            List<Block> cells = notebookCells(file.content());
            if (!cells.isEmpty()) return new ShownFile(file.name(), cells);
        }
        return new ShownFile(file.name(), List.of(new Block(SnippetModes.of(file.name(), language), file.content())));
    }

    private static List<Block> notebookCells(String json) {
        try {
            JsonNode notebook = JSON.readTree(json);
            String codeMode = kernelLanguage(notebook).equals("java") ? SnippetModes.JAVA : SnippetModes.PYTHON;
            List<Block> blocks = new ArrayList<>();
            for (JsonNode cell : notebook.path("cells")) {
                String mode = "code".equals(cell.path("cell_type").asString("")) ? codeMode : SnippetModes.PLAIN;
                blocks.add(new Block(mode, source(cell.path("source"))));
            }
            return blocks;
        } catch (JacksonException notJson) {
            return List.of();
        }
    }

    private static String kernelLanguage(JsonNode notebook) {
        JsonNode metadata = notebook.path("metadata");
        String named = metadata.path("kernelspec").path("language").asString("");
        if (named.isEmpty()) named = metadata.path("language_info").path("name").asString("");
        return named.toLowerCase(Locale.ROOT);
    }

    /** nbformat keeps a cell's source as one string or as a list of lines. */
    private static String source(JsonNode source) {
        if (!source.isArray()) return source.asString("");
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.asString("")));
        return text.toString();
    }
}
