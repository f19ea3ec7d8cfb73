package org.learnbox.bridge.assignment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small notebooks for the tests, cell by cell, with nbgrader's metadata as its toolbar writes it. */
final class NotebookFixture {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path PS1 = Path.of("src/test/resources/assignments/ps1");

    private final String kernel;
    private final String language;
    private final List<ObjectNode> cells = new ArrayList<>();

    private NotebookFixture(String kernel, String language) {
        this.kernel = kernel;
        this.language = language;
    }

    static NotebookFixture python() {
        return new NotebookFixture("python3", "python");
    }

    static NotebookFixture java() {
        return new NotebookFixture("java", "java");
    }

    static NotebookFixture kernel(String kernel, String language) {
        return new NotebookFixture(kernel, language);
    }

    NotebookFixture markdown(String source) {
        return add("markdown", source, null);
    }

    NotebookFixture code(String source) {
        return add("code", source, null);
    }

    /** An autograded answer: solution, not graded. */
    NotebookFixture answer(String gradeId, String source) {
        return add("code", source, nbgrader(gradeId, true, false, false, false, null));
    }

    /** Autograder tests: graded and locked, with points. */
    NotebookFixture tests(String gradeId, Object points, String source) {
        return add("code", source, nbgrader(gradeId, false, true, true, false, points));
    }

    NotebookFixture manual(String gradeId, Object points, String source) {
        return add("markdown", source, nbgrader(gradeId, true, true, false, false, points));
    }

    NotebookFixture task(String gradeId, Object points, String source) {
        return add("markdown", source, nbgrader(gradeId, false, false, true, true, points));
    }

    NotebookFixture readOnly(String gradeId, String source) {
        return add("code", source, nbgrader(gradeId, false, false, true, false, null));
    }

    /** A cell with the nbgrader metadata given as JSON, for what the toolbar never writes. */
    NotebookFixture raw(String type, String source, String nbgraderJson) {
        return add(type, source, JSON.readTree(nbgraderJson));
    }

    private NotebookFixture add(String type, String source, JsonNode nbgrader) {
        ObjectNode cell = JsonNodeFactory.instance.objectNode();
        cell.put("cell_type", type);
        cell.put("id", "cell-" + (cells.size() + 1));
        ObjectNode metadata = cell.putObject("metadata");
        if (nbgrader != null) metadata.set("nbgrader", nbgrader);
        cell.put("source", source);
        if (type.equals("code")) {
            cell.putNull("execution_count");
            cell.putArray("outputs");
        }
        cells.add(cell);
        return this;
    }

    private static ObjectNode nbgrader(String gradeId, boolean solution, boolean grade, boolean locked, boolean task, Object points) {
        ObjectNode nbgrader = JsonNodeFactory.instance.objectNode();
        nbgrader.put("grade", grade);
        if (gradeId != null) nbgrader.put("grade_id", gradeId);
        nbgrader.put("locked", locked);
        if (points instanceof Number number) nbgrader.put("points", number.doubleValue());
        if (points instanceof String text) nbgrader.put("points", text);
        nbgrader.put("schema_version", 3);
        nbgrader.put("solution", solution);
        nbgrader.put("task", task);
        return nbgrader;
    }

    ObjectNode json() {
        ObjectNode notebook = JsonNodeFactory.instance.objectNode();
        ArrayNode list = notebook.putArray("cells");
        cells.forEach(cell -> list.add(cell.deepCopy()));
        ObjectNode metadata = notebook.putObject("metadata");
        ObjectNode kernelspec = metadata.putObject("kernelspec");
        kernelspec.put("name", kernel);
        if (language != null) kernelspec.put("language", language);
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        return notebook;
    }

    byte[] bytes() {
        return JSON.writeValueAsBytes(json());
    }

    SourceNotebook read() {
        return SourceNotebook.read("nb.ipynb", bytes());
    }

    /** The keys of the problems found reading it, without the common prefix. */
    List<String> problemKeys() {
        List<AssignmentProblem> problems = new ArrayList<>();
        SourceNotebook.read("nb.ipynb", bytes(), problems);
        return keys(problems);
    }

    static List<String> keys(List<AssignmentProblem> problems) {
        return problems.stream().map(problem -> problem.key().substring(AssignmentProblem.PREFIX.length())).toList();
    }

    static List<String> problemWords(NotebookFixture notebook) {
        List<AssignmentProblem> problems = new ArrayList<>();
        SourceNotebook.read("nb.ipynb", notebook.bytes(), problems);
        return problems.stream().map(AssignmentProblem::toString).toList();
    }

    /** A released notebook's cells. */
    static JsonNode cells(byte[] notebook) {
        return JSON.readTree(notebook).get("cells");
    }

    /** A cell's source as one text, whichever form it has. */
    static String source(JsonNode cell) {
        return SourceNotebook.text(cell.get("source"));
    }

    static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The example assignment, copied where a test may change it. */
    static Path copyOfPs1(Path dir) throws Exception {
        Path copy = dir.resolve("ps1");
        Files.createDirectories(copy);
        try (var files = Files.list(PS1)) {
            for (Path file : files.toList()) Files.copy(file, copy.resolve(file.getFileName()));
        }
        return copy;
    }
}
