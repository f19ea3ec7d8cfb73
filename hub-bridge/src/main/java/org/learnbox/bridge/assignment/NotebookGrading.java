package org.learnbox.bridge.assignment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What grading a notebook needs from its source: the graded cells with their points, the mark
 * schemes, and each locked cell as graded (as released, with its hidden tests back in), so that a
 * grader runs a submission with the teacher's tests and helpers, whatever the student did to
 * their copies.
 */
public final class NotebookGrading {
    private final String notebook;
    private final NotebookLanguage language;
    private final List<GradedCell> graded;
    private final Map<String, String> lockedSources;
    private final Map<String, JsonNode> nbgraderMetadata;
    private final Map<String, List<String>> hiddenTests;
    private final Map<String, List<String>> markSchemes;
    private final Map<String, byte[]> files;

    private NotebookGrading(String notebook, NotebookLanguage language, List<GradedCell> graded, Map<String, String> lockedSources,
            Map<String, JsonNode> nbgraderMetadata, Map<String, List<String>> hiddenTests, Map<String, List<String>> markSchemes,
            Map<String, byte[]> files) {
        this.notebook = notebook;
        this.language = language;
        this.graded = List.copyOf(graded);
        this.lockedSources = Map.copyOf(lockedSources);
        this.nbgraderMetadata = Map.copyOf(nbgraderMetadata);
        this.hiddenTests = Map.copyOf(hiddenTests);
        this.markSchemes = Map.copyOf(markSchemes);
        this.files = Map.copyOf(files);
    }

    /** The same grading with the assignment's files beside the notebook (its data), by their path from the notebook's folder. */
    NotebookGrading withFiles(Map<String, byte[]> beside) {
        return new NotebookGrading(notebook, language, graded, lockedSources, nbgraderMetadata, hiddenTests, markSchemes, beside);
    }

    /** What the notebook's code may read in its folder while graded: the teacher's files, never the student's. */
    public Map<String, byte[]> files() {
        return files;
    }

    /** The grading of a notebook that was read without problems. */
    public static NotebookGrading of(SourceNotebook source) {
        List<GradedCell> graded = new ArrayList<>();
        Map<String, String> lockedSources = new LinkedHashMap<>();
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        Map<String, List<String>> hidden = new LinkedHashMap<>();
        Map<String, List<String>> schemes = new LinkedHashMap<>();
        JsonNode cells = source.json().get("cells");
        for (SourceNotebook.Cell cell : source.cells()) {
            if (cell.kind().graded()) graded.add(new GradedCell(cell.gradeId(), cell.kind(), cell.points(), cell.number()));
            if (cell.gradeId().isEmpty()) continue;
            metadata.put(cell.gradeId(), cells.get(cell.number() - 1).path("metadata").path("nbgrader"));
            Markers markers = Markers.of(cell.source(), cell.type(), source.language());
            if (markers.has(Markers.Region.MARK_SCHEME)) schemes.put(cell.gradeId(), markers.enclosed(Markers.Region.MARK_SCHEME));
            if (!cell.kind().locked()) continue;
            // As released, but with the hidden tests back; a mark scheme stays out, as the graded notebook goes back to the student.
            lockedSources.put(cell.gradeId(), markers.has(Markers.Region.HIDDEN_TESTS) ? markers.unmark(Markers.Region.HIDDEN_TESTS)
                    : markers.remove(Markers.Region.MARK_SCHEME));
            if (markers.has(Markers.Region.HIDDEN_TESTS)) hidden.put(cell.gradeId(), markers.enclosed(Markers.Region.HIDDEN_TESTS));
        }
        return new NotebookGrading(source.name(), source.language(), graded, lockedSources, metadata, hidden, schemes, Map.of());
    }

    public String notebook() {
        return notebook;
    }

    /** The language its kernel runs, and so the kernel that grades it. */
    public NotebookLanguage language() {
        return language;
    }

    /** The cells that carry points, in notebook order. */
    public List<GradedCell> gradedCells() {
        return graded;
    }

    public double totalPoints() {
        return graded.stream().mapToDouble(GradedCell::points).sum();
    }

    /** The points the box gives by running tests, the rest being a teacher's to give. */
    public double autogradedPoints() {
        return graded.stream().filter(GradedCell::autograded).mapToDouble(GradedCell::points).sum();
    }

    /** The hidden tests of a test cell, each region's lines without its markers; empty when it has none. */
    public List<String> hiddenTests(String gradeId) {
        return hiddenTests.getOrDefault(gradeId, List.of());
    }

    /** What the teacher noted for grading a cell by hand, each region without its markers; empty when nothing. */
    public List<String> markScheme(String gradeId) {
        return markSchemes.getOrDefault(gradeId, List.of());
    }

    /** A locked cell's whole source as graded: visible and hidden tests, no markers. */
    public Optional<String> gradedSource(String gradeId) {
        return Optional.ofNullable(lockedSources.get(gradeId));
    }

    /** A submission made ready to grade, and the grade_ids of locked cells it no longer has (their tests score nothing). */
    public record Prepared(byte[] notebook, List<String> missing) {}

    /**
     * A submission made ready to grade, cells matched by grade_id: every locked cell's source put
     * back as graded (so hidden tests run, and a changed test or helper counts for nothing), every
     * matched cell's nbgrader metadata put back from the source (so the points are the teacher's),
     * and the nbgrader metadata of any other cell dropped (a copied or made-up graded cell counts
     * for nothing either). Refused when it is not a notebook at all, or larger than a source may be.
     */
    public Prepared prepare(byte[] submission) {
        if (submission.length > AssignmentSource.MAX_NOTEBOOK_BYTES) {
            throw new AssignmentException(AssignmentProblem.of("file-too-large", notebook, AssignmentSource.MAX_NOTEBOOK_BYTES / 1024));
        }
        List<AssignmentProblem> problems = new ArrayList<>();
        ObjectNode json = SourceNotebook.parse(notebook, submission, problems);
        if (json == null) throw new AssignmentException(problems);
        List<String> missing = new ArrayList<>(lockedSources.keySet());
        Set<String> matched = new HashSet<>();
        for (JsonNode node : json.get("cells")) {
            if (!(node instanceof ObjectNode cell) || !(cell.get("metadata") instanceof ObjectNode metadata)) continue;
            String gradeId = metadata.path("nbgrader").path("grade_id").asString("");
            if (!nbgraderMetadata.containsKey(gradeId) || !matched.add(gradeId)) {
                metadata.remove("nbgrader");
                continue;
            }
            metadata.set("nbgrader", nbgraderMetadata.get(gradeId).deepCopy());
            String graded = lockedSources.get(gradeId);
            if (graded != null) {
                SourceNotebook.setSource(cell, graded);
                missing.remove(gradeId);
            }
        }
        return new Prepared(SourceNotebook.bytes(json), List.copyOf(missing));
    }
}
