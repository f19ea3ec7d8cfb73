package org.learnbox.bridge.assignment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What {@code assignment.yaml} says: the id (a course id's rule), the title, and optionally the due
 * date (ISO 8601 with its offset), the {@link LatePolicy}, the points the teacher expects the
 * notebooks to give (checked against them), and the notebooks in the order students see them
 * (without it, every notebook of the folder). {@code score: after-due} keeps each student's score,
 * tests and feedback from them until the due date (the default, {@code at-once}, shows them as soon
 * as the submission is graded).
 */
public record AssignmentManifest(String id, String title, Instant due, LatePolicy late, Double points, List<String> notebooks,
        boolean scoreAfterDue) {
    static final String FILE = "assignment.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Set<String> FIELDS = Set.of("id", "title", "due", "late", "points", "notebooks", "score");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    public AssignmentManifest {
        notebooks = List.copyOf(notebooks);
    }

    /** Whether the teacher listed the notebooks; if not, the folder's are found. */
    boolean listsNotebooks() {
        return !notebooks.isEmpty();
    }

    /** Reads assignment.yaml, adding each thing wrong with it to {@code problems}; null when it is not a map at all. */
    static AssignmentManifest parse(byte[] content, List<AssignmentProblem> problems) {
        JsonNode yaml;
        try {
            yaml = YAML.readTree(content);
        } catch (JacksonException e) {
            problems.add(AssignmentProblem.of("yaml-invalid", e.getOriginalMessage()));
            return null;
        }
        if (yaml == null || !yaml.isObject()) {
            problems.add(AssignmentProblem.of("yaml-not-map"));
            return null;
        }
        for (String field : yaml.propertyNames()) {
            if (!FIELDS.contains(field)) problems.add(AssignmentProblem.of("field-unknown", field));
        }
        String id = required(yaml, "id", problems);
        if (!id.isEmpty() && !ID.matcher(id).matches()) problems.add(AssignmentProblem.of("id-invalid", id));
        String title = required(yaml, "title", problems);
        return new AssignmentManifest(id, title, due(yaml.get("due"), problems), late(yaml.get("late"), problems),
                points(yaml.get("points"), problems), notebooks(yaml.get("notebooks"), problems), scoreAfterDue(yaml.get("score"), problems));
    }

    private static String required(JsonNode yaml, String key, List<AssignmentProblem> problems) {
        JsonNode value = yaml.get(key);
        if (value == null || !value.isValueNode() || value.asString("").isBlank()) {
            problems.add(AssignmentProblem.of("field-missing", key));
            return "";
        }
        return value.asString().strip();
    }

    private static Instant due(JsonNode value, List<AssignmentProblem> problems) {
        if (value == null || value.isNull()) return null;
        String text = value.asString("");
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(AssignmentProblem.of("due-invalid", value.isValueNode() ? text : value.toString()));
            return null;
        }
    }

    private static LatePolicy late(JsonNode value, List<AssignmentProblem> problems) {
        if (value == null || value.isNull()) return LatePolicy.ACCEPT;
        if (value.isString() && value.asString().equals("accept")) return LatePolicy.ACCEPT;
        if (value.isString() && value.asString().equals("refuse")) return LatePolicy.REFUSE;
        if (value.isObject() && value.size() == 2 && percent(value.get("penalty")) && percent(value.get("floor"))) {
            return new LatePolicy.Penalty(value.get("penalty").asDouble(), value.get("floor").asDouble());
        }
        // The example goes in as an argument: its braces would be a pattern's own.
        problems.add(AssignmentProblem.of("late-invalid", value.isString() ? value.asString() : value.toString(),
                "late: {penalty: 10, floor: 50}"));
        return LatePolicy.ACCEPT;
    }

    private static boolean scoreAfterDue(JsonNode value, List<AssignmentProblem> problems) {
        if (value == null || value.isNull() || value.isString() && value.asString().equals("at-once")) return false;
        if (value.isString() && value.asString().equals("after-due")) return true;
        problems.add(AssignmentProblem.of("score-invalid", value.isValueNode() ? value.asString() : value.toString()));
        return false;
    }

    private static boolean percent(JsonNode value) {
        return value != null && value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= 100;
    }

    private static Double points(JsonNode value, List<AssignmentProblem> problems) {
        if (value == null || value.isNull()) return null;
        if (!value.isNumber() || !(value.asDouble() >= 0) || Double.isInfinite(value.asDouble())) {
            problems.add(AssignmentProblem.of("points-invalid", value.isValueNode() ? value.asString() : value.toString()));
            return null;
        }
        return value.asDouble();
    }

    private static List<String> notebooks(JsonNode list, List<AssignmentProblem> problems) {
        if (list == null || list.isNull()) return List.of();
        if (!list.isArray() || list.isEmpty()) {
            problems.add(AssignmentProblem.of("notebooks-invalid"));
            return List.of();
        }
        List<String> notebooks = new ArrayList<>();
        for (JsonNode entry : list) {
            String path = entry.isString() ? entry.asString() : "";
            if (!path.endsWith(".ipynb")) {
                problems.add(AssignmentProblem.of("notebooks-invalid"));
                return List.of();
            }
            if (notebooks.contains(path)) {
                problems.add(AssignmentProblem.of("notebook-listed-twice", path));
            } else {
                notebooks.add(path);
            }
        }
        return notebooks;
    }
}
