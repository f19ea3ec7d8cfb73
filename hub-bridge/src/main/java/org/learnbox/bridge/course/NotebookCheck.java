package org.learnbox.bridge.course;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Whether a file is a notebook Jupyter opens: nbformat 4, its cells well formed. */
final class NotebookCheck {
    private static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Set<String> CELL_TYPES = Set.of("code", "markdown", "raw");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NotebookCheck() {}

    /** Every problem found, each naming the file and where; empty when the notebook is valid. */
    static List<String> problems(String name, byte[] content) {
        List<String> problems = new ArrayList<>();
        JsonNode notebook;
        try {
            notebook = JSON.readTree(content);
        } catch (JacksonException e) {
            return List.of(name + " is not a notebook: it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (notebook == null || !notebook.isObject()) {
            return List.of(name + " is not a notebook: it is not a JSON object");
        }
        if (notebook.path("nbformat").asInt(-1) != 4 || !notebook.path("nbformat").isInt()) {
            return List.of(name + " is not an nbformat 4 notebook (nbformat is " + notebook.path("nbformat") + ")");
        }
        if (!notebook.path("nbformat_minor").isInt()) problems.add(name + ": nbformat_minor is missing");
        if (!notebook.path("metadata").isObject()) problems.add(name + ": metadata is missing");
        JsonNode cells = notebook.path("cells");
        if (!cells.isArray()) {
            problems.add(name + ": it has no list of cells");
            return problems;
        }
        boolean idsRequired = notebook.path("nbformat_minor").asInt(0) >= 5;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            String where = name + ", cell " + (i + 1);
            String type = cell.path("cell_type").asString("");
            if (!CELL_TYPES.contains(type)) {
                problems.add(where + ": unknown cell type '" + type + "'");
                continue;
            }
            if (!isSource(cell.path("source"))) problems.add(where + ": source is not text");
            if (!cell.path("metadata").isObject()) problems.add(where + ": metadata is missing");
            if (type.equals("code")) {
                if (!cell.path("outputs").isArray()) problems.add(where + ": a code cell without outputs");
                JsonNode count = cell.path("execution_count");
                if (!(count.isNull() || count.isInt())) problems.add(where + ": execution_count is not a number");
            }
            JsonNode id = cell.get("id");
            if (id == null) {
                if (idsRequired) problems.add(where + ": has no id (nbformat 4.5 needs one)");
            } else if (!id.isString() || !CELL_ID.matcher(id.asString()).matches()) {
                problems.add(where + ": id " + id + " is not 1-64 letters, digits, '-' or '_'");
            } else if (!ids.add(id.asString())) {
                problems.add(where + ": id '" + id.asString() + "' is used twice");
            }
        }
        return problems;
    }

    private static boolean isSource(JsonNode source) {
        if (source.isString()) return true;
        if (!source.isArray()) return false;
        for (JsonNode line : source) {
            if (!line.isString()) return false;
        }
        return true;
    }
}
