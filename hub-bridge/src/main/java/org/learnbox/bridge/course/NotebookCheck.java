package org.learnbox.bridge.course;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.learnbox.bridge.config.Words;
import org.springframework.context.MessageSourceResolvable;
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
    static List<MessageSourceResolvable> problems(String name, byte[] content) {
        List<MessageSourceResolvable> problems = new ArrayList<>();
        JsonNode notebook;
        try {
            notebook = JSON.readTree(content);
        } catch (JacksonException e) {
            return List.of(Words.phrase("course.problem.not-json", name, e.getOriginalMessage()));
        }
        if (notebook == null || !notebook.isObject()) {
            return List.of(Words.phrase("course.problem.not-object", name));
        }
        if (notebook.path("nbformat").asInt(-1) != 4 || !notebook.path("nbformat").isInt()) {
            return List.of(Words.phrase("course.problem.not-nbformat-4", name, String.valueOf(notebook.path("nbformat"))));
        }
        if (!notebook.path("nbformat_minor").isInt()) problems.add(Words.phrase("course.problem.no-minor", name));
        if (!notebook.path("metadata").isObject()) problems.add(Words.phrase("course.problem.no-metadata", name));
        JsonNode cells = notebook.path("cells");
        if (!cells.isArray()) {
            problems.add(Words.phrase("course.problem.no-cells", name));
            return problems;
        }
        boolean idsRequired = notebook.path("nbformat_minor").asInt(0) >= 5;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            MessageSourceResolvable where = Words.phrase("course.problem.cell", name, i + 1);
            String type = cell.path("cell_type").asString("");
            if (!CELL_TYPES.contains(type)) {
                problems.add(Words.phrase("course.problem.cell-type", where, type));
                continue;
            }
            if (!isSource(cell.path("source"))) problems.add(Words.phrase("course.problem.source", where));
            if (!cell.path("metadata").isObject()) problems.add(Words.phrase("course.problem.no-metadata", where));
            if (type.equals("code")) {
                if (!cell.path("outputs").isArray()) problems.add(Words.phrase("course.problem.no-outputs", where));
                JsonNode count = cell.path("execution_count");
                if (!(count.isNull() || count.isInt())) problems.add(Words.phrase("course.problem.count", where));
            }
            JsonNode id = cell.get("id");
            if (id == null) {
                if (idsRequired) problems.add(Words.phrase("course.problem.no-id", where));
            } else if (!id.isString() || !CELL_ID.matcher(id.asString()).matches()) {
                problems.add(Words.phrase("course.problem.bad-id", where, String.valueOf(id)));
            } else if (!ids.add(id.asString())) {
                problems.add(Words.phrase("course.problem.id-twice", where, id.asString()));
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
