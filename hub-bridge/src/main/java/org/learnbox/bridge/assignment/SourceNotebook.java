package org.learnbox.bridge.assignment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notebook of an assignment as its teacher wrote it (nbformat 4), read with every field kept,
 * those the box does not know too, so that what it writes back differs only where it must.
 * Reading checks each cell's nbgrader metadata and markers.
 */
public final class SourceNotebook {
    /** nbgrader's rule for a grade_id, with a length. */
    private static final Pattern GRADE_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Set<String> CELL_TYPES = Set.of("code", "markdown", "raw");
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A cell as read; {@code number} counts from 1, as people do, and {@code gradeId} is "" when it has none. */
    public record Cell(int number, String type, CellKind kind, String gradeId, double points, String source) {}

    private final String name;
    private final ObjectNode json;
    private final NotebookLanguage language;
    private final List<Cell> cells;

    private SourceNotebook(String name, ObjectNode json, NotebookLanguage language, List<Cell> cells) {
        this.name = name;
        this.json = json;
        this.language = language;
        this.cells = List.copyOf(cells);
    }

    /** Reads and checks a notebook; refuses it naming every problem. */
    public static SourceNotebook read(String name, byte[] content) {
        List<AssignmentProblem> problems = new ArrayList<>();
        SourceNotebook notebook = read(name, content, problems);
        if (!problems.isEmpty()) throw new AssignmentException(problems);
        return notebook;
    }

    /** Reads a notebook, adding each problem to {@code problems}; null when it is not a notebook at all. */
    static SourceNotebook read(String name, byte[] content, List<AssignmentProblem> problems) {
        ObjectNode json = parse(name, content, problems);
        if (json == null) return null;
        String said = NotebookLanguage.said(json.path("metadata"));
        NotebookLanguage language = NotebookLanguage.of(json.path("metadata")).orElse(null);
        if (language == null) problems.add(AssignmentProblem.of("language-unknown", name, said.isEmpty() ? "?" : said));
        List<Cell> cells = new ArrayList<>();
        Map<String, Integer> gradeIds = new HashMap<>();
        JsonNode list = json.get("cells");
        for (int i = 0; i < list.size(); i++) {
            Cell cell = cell(name, i + 1, list.get(i), problems);
            if (cell == null) continue;
            if (cell.kind().needsGradeId() && !cell.gradeId().isEmpty()) {
                Integer first = gradeIds.putIfAbsent(cell.gradeId(), cell.number());
                if (first != null) problems.add(AssignmentProblem.of("grade-id-twice", name, cell.number(), cell.gradeId(), first));
            }
            cells.add(cell);
            checkMarkers(name, cell, language, problems);
        }
        return new SourceNotebook(name, json, language, cells);
    }

    /** The notebook's JSON when it is one Jupyter reads as nbformat 4; null, with the problem, when not. */
    static ObjectNode parse(String name, byte[] content, List<AssignmentProblem> problems) {
        JsonNode json;
        try {
            json = JSON.readTree(content);
        } catch (JacksonException e) {
            problems.add(AssignmentProblem.of("notebook-not-json", name, e.getOriginalMessage()));
            return null;
        }
        if (!(json instanceof ObjectNode notebook) || !notebook.path("nbformat").isInt() || notebook.path("nbformat").asInt() != 4) {
            problems.add(AssignmentProblem.of("notebook-not-v4", name));
            return null;
        }
        if (!notebook.path("cells").isArray()) {
            problems.add(AssignmentProblem.of("cells-missing", name));
            return null;
        }
        return notebook;
    }

    private static Cell cell(String name, int number, JsonNode json, List<AssignmentProblem> problems) {
        String type = json.path("cell_type").asString("");
        if (!(json instanceof ObjectNode) || !CELL_TYPES.contains(type) || text(json.path("source")) == null
                || !(json.get("metadata") == null || json.get("metadata").isObject())) {
            problems.add(AssignmentProblem.of("cell-invalid", name, number));
            return null;
        }
        JsonNode nbgrader = json.path("metadata").path("nbgrader");
        if (!nbgrader.isMissingNode() && !nbgrader.isObject()) {
            problems.add(AssignmentProblem.of("nbgrader-invalid", name, number));
            return null;
        }
        CellKind kind = CellKind.of(nbgrader);
        if (kind == null) {
            problems.add(AssignmentProblem.of("kind-mixed", name, number));
            return null;
        }
        if ((kind == CellKind.AUTOGRADED_ANSWER || kind == CellKind.AUTOGRADER_TESTS) && !type.equals("code")) {
            problems.add(AssignmentProblem.of("kind-needs-code", name, number));
        }
        if (kind == CellKind.MANUAL_TASK && !type.equals("markdown")) problems.add(AssignmentProblem.of("kind-needs-markdown", name, number));
        String gradeId = "";
        if (kind.needsGradeId()) {
            JsonNode id = nbgrader.get("grade_id");
            if (id == null || id.isNull() || (id.isString() && id.asString().isEmpty())) {
                problems.add(AssignmentProblem.of("grade-id-missing", name, number));
            } else if (!id.isString() || !GRADE_ID.matcher(id.asString()).matches()) {
                problems.add(AssignmentProblem.of("grade-id-invalid", name, number, id.isString() ? id.asString() : id.toString()));
            } else {
                gradeId = id.asString();
            }
        }
        return new Cell(number, type, kind, gradeId, kind.graded() ? points(name, number, nbgrader, problems) : 0,
                text(json.path("source")));
    }

    private static double points(String name, int number, JsonNode nbgrader, List<AssignmentProblem> problems) {
        JsonNode points = nbgrader.get("points");
        if (points == null || points.isNull()) {
            problems.add(AssignmentProblem.of("points-missing", name, number));
            return 0;
        }
        // nbgrader writes points as a number; a number in a string is what hand-edited metadata holds.
        double value = points.isNumber() ? points.asDouble() : points.isString() ? number(points.asString()) : Double.NaN;
        if (!(value >= 0) || Double.isInfinite(value)) {
            problems.add(AssignmentProblem.of("cell-points-invalid", name, number, points.isString() ? points.asString() : points.toString()));
            return 0;
        }
        return value;
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void checkMarkers(String name, Cell cell, NotebookLanguage language, List<AssignmentProblem> problems) {
        boolean code = cell.type().equals("code");
        if (code && language == null) return;
        Markers markers = code ? Markers.scan(cell.source(), language.comment(), name, cell.number(), problems)
                : Markers.scanMarkdown(cell.source(), name, cell.number(), problems);
        if (markers.has(Markers.Region.SOLUTION) && !cell.kind().solution()) {
            problems.add(AssignmentProblem.of("solution-outside", name, cell.number()));
        }
        if (markers.has(Markers.Region.HIDDEN_TESTS) && cell.kind() != CellKind.AUTOGRADER_TESTS) {
            problems.add(AssignmentProblem.of("hidden-tests-outside", name, cell.number()));
        }
        if (markers.has(Markers.Region.MARK_SCHEME) && !cell.type().equals("markdown")) {
            problems.add(AssignmentProblem.of("mark-scheme-outside", name, cell.number()));
        }
    }

    /** A cell's source as one text: nbformat allows a string or a list of lines; null when neither. */
    static String text(JsonNode source) {
        if (source.isString()) return source.asString();
        if (!source.isArray()) return null;
        StringBuilder text = new StringBuilder();
        for (JsonNode line : source) {
            if (!line.isString()) return null;
            text.append(line.asString());
        }
        return text.toString();
    }

    /** Sets a cell's source in the form it had: a list of lines, each with its newline, or one string. */
    static void setSource(ObjectNode cell, String text) {
        if (!cell.path("source").isArray()) {
            cell.put("source", text);
            return;
        }
        ArrayNode lines = JsonNodeFactory.instance.arrayNode();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        cell.set("source", lines);
    }

    public String name() {
        return name;
    }

    /** Null only in a notebook that was refused for it. */
    public NotebookLanguage language() {
        return language;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** A copy of the whole JSON, to change without touching this notebook. */
    ObjectNode json() {
        return json.deepCopy();
    }

    /** The notebook as a file, pretty printed as Jupyter writes it. */
    public byte[] toBytes() {
        return bytes(json);
    }

    static byte[] bytes(JsonNode notebook) {
        return (JSON.writeValueAsString(notebook) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
