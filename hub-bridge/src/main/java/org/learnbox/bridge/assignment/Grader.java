package org.learnbox.bridge.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Grades one submitted notebook: prepared (the teacher's tests and helpers back in), run in a
 * {@link GradingRuntime}, and each graded cell given its points by nbgrader's rule: a test cell
 * earns them when it ran without an error, nothing
 * otherwise; a manually graded answer or task awaits a teacher. What the runner reports is
 * checked whole first: a result that does not fit the notebook gives no points and is refused.
 */
@org.springframework.stereotype.Service
public class Grader {
    /** The most of a runner's result read: a few hundred cells with their errors. */
    static final int MAX_RESULT_BYTES = 2 * 1024 * 1024;
    static final String RESULT_FORMAT = "learnbox-grade/1";
    private static final int MAX_ERROR_CHARS = 1024;

    private final GradingRuntime runtime;
    private final GradingLimits limits;

    @org.springframework.beans.factory.annotation.Autowired
    public Grader(GradingRuntime runtime) {
        this(runtime, GradingLimits.DEFAULTS);
    }

    public Grader(GradingRuntime runtime, GradingLimits limits) {
        this.runtime = runtime;
        this.limits = limits;
    }

    /** Grades a student's submitted copy of the notebook {@code grading} was made from. */
    public GradedNotebook grade(NotebookGrading grading, byte[] submission) {
        NotebookGrading.Prepared prepared = grading.prepare(submission);
        GradingRuntime.RawGrading raw = runtime.grade(prepared.notebook(), grading.files(), grading.language(), limits);
        return score(grading, prepared.notebook(), raw);
    }

    /** The points for what the runner saw of the prepared notebook; refused when its report does not fit the notebook. */
    static GradedNotebook score(NotebookGrading grading, byte[] preparedNotebook, GradingRuntime.RawGrading raw) {
        String notebook = grading.notebook();
        if (raw.result() == null || raw.gradedNotebook() == null) {
            throw new AssignmentException(raw.stoppedAtLimit()
                    ? AssignmentProblem.of("grading-out-of-time", notebook)
                    : AssignmentProblem.of("grading-no-result", notebook));
        }
        List<PreparedCell> cells = preparedCells(preparedNotebook);
        Map<Integer, Run> runs = runs(notebook, raw.result(), cells);
        Map<String, Integer> byGradeId = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).gradeId().isEmpty()) byGradeId.putIfAbsent(cells.get(i).gradeId(), i + 1);
        }
        List<CellGrade> grades = new ArrayList<>();
        double score = 0;
        for (GradedCell graded : grading.gradedCells()) {
            CellGrade grade = grade(graded, byGradeId.get(graded.gradeId()), cells, runs);
            grades.add(grade);
            if (grade.points() != null) score += grade.points();
        }
        return new GradedNotebook(grades, score, grading.totalPoints(), raw.gradedNotebook());
    }

    private static CellGrade grade(GradedCell graded, Integer number, List<PreparedCell> cells, Map<Integer, Run> runs) {
        boolean byRunning = graded.kind() == CellKind.AUTOGRADER_TESTS;
        if (number == null) {
            // A deleted answer leaves nothing to grade; a task is work anywhere in the notebook, still a teacher's to judge.
            Double points = graded.kind() == CellKind.MANUAL_TASK ? null : 0.0;
            return new CellGrade(graded.gradeId(), graded.kind(), graded.points(), points, CellStatus.MISSING, "");
        }
        if (!cells.get(number - 1).code()) {
            return new CellGrade(graded.gradeId(), graded.kind(), graded.points(), byRunning ? 0.0 : null, CellStatus.NOT_CODE, "");
        }
        Run run = runs.get(number);
        Double points = !byRunning ? null : run.status() == CellStatus.OK ? graded.points() : 0.0;
        return new CellGrade(graded.gradeId(), graded.kind(), graded.points(), points, run.status(), run.error());
    }

    /** A cell of the prepared notebook: whether it is code, and its grade_id ("" when none). */
    private record PreparedCell(boolean code, String gradeId) {}

    /** What the runner saw of one code cell. */
    private record Run(CellStatus status, String error) {}

    private static List<PreparedCell> preparedCells(byte[] prepared) {
        List<PreparedCell> cells = new ArrayList<>();
        for (JsonNode cell : SourceNotebook.JSON.readTree(prepared).get("cells")) {
            cells.add(new PreparedCell(text(cell.path("cell_type")).equals("code"), text(cell.path("metadata").path("nbgrader").path("grade_id"))));
        }
        return cells;
    }

    /**
     * The runner's report, checked against the notebook: each code cell once, no other cell, known
     * statuses, grade_ids where the notebook has them. Anything else is refused, naming what did not fit.
     */
    private static Map<Integer, Run> runs(String notebook, byte[] result, List<PreparedCell> cells) {
        if (result.length > MAX_RESULT_BYTES) throw invalid(notebook, "size");
        JsonNode json;
        try {
            json = SourceNotebook.JSON.readTree(result);
        } catch (JacksonException e) {
            throw invalid(notebook, "json");
        }
        if (json == null || !json.isObject() || !RESULT_FORMAT.equals(text(json.path("format")))) throw invalid(notebook, "format");
        if (!json.path("kernel_started").isBoolean()) throw invalid(notebook, "kernel_started");
        if (!json.path("kernel_started").asBoolean()) throw new AssignmentException(AssignmentProblem.of("grading-kernel-not-started", notebook));
        if (!json.path("cells").isArray()) throw invalid(notebook, "cells");
        Map<Integer, Run> runs = new HashMap<>();
        for (JsonNode entry : json.get("cells")) {
            int number = entry.path("cell").isInt() ? entry.path("cell").asInt() : -1;
            String where = "cell " + (number < 0 ? "?" : number);
            if (number < 1 || number > cells.size() || !cells.get(number - 1).code()) throw invalid(notebook, where);
            if (runs.containsKey(number)) throw invalid(notebook, where + " twice");
            CellStatus status = CellStatus.ofRunner(text(entry.path("status"))).orElse(null);
            if (status == null) throw invalid(notebook, where + " status");
            String gradeId = cells.get(number - 1).gradeId();
            JsonNode said = entry.get("grade_id");
            if (gradeId.isEmpty() ? said != null : said == null || !gradeId.equals(text(said))) throw invalid(notebook, where + " grade_id");
            runs.put(number, new Run(status, status == CellStatus.ERROR ? error(entry) : ""));
        }
        for (int number = 1; number <= cells.size(); number++) {
            if (cells.get(number - 1).code() && !runs.containsKey(number)) throw invalid(notebook, "cell " + number + " missing");
        }
        return runs;
    }

    private static final Set<String> NO_VALUE = Set.of("", "null");

    /** "Name: value" of an error, bounded, as a test's failure is shown. */
    private static String error(JsonNode entry) {
        String name = text(entry.path("ename")).isEmpty() ? "Error" : text(entry.path("ename"));
        String value = text(entry.path("evalue"));
        String said = NO_VALUE.contains(value.strip()) ? name : name + ": " + value;
        return said.length() > MAX_ERROR_CHARS ? said.substring(0, MAX_ERROR_CHARS) + "..." : said;
    }

    /** A string's text; "" for anything else, which a forged report may hold anywhere. */
    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : "";
    }

    private static AssignmentException invalid(String notebook, String what) {
        return new AssignmentException(AssignmentProblem.of("grading-result-invalid", notebook, what));
    }
}
