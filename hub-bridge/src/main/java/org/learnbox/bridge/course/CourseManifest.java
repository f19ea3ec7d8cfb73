package org.learnbox.bridge.course;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** What {@code course.yaml} says about a course: the lessons in teaching order, and its version. */
public record CourseManifest(String id, String title, String language, String kernel, String version,
        List<Lesson> lessons) {
    static final String FILE = "course.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    public record Lesson(String file, String title) {}

    /** Reads course.yaml, adding each thing wrong with it to {@code problems}. */
    static CourseManifest parse(byte[] content, List<String> problems) {
        JsonNode yaml;
        try {
            yaml = YAML.readTree(content);
        } catch (JacksonException e) {
            problems.add(FILE + " is not valid YAML: " + e.getOriginalMessage());
            return null;
        }
        if (yaml == null || !yaml.isObject()) {
            problems.add(FILE + " must be a map of id, title, language, kernel, version and lessons");
            return null;
        }
        String id = required(yaml, "id", problems);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add("id '" + id + "' must be 2-64 lowercase letters, digits or '-', starting with a letter or digit");
        }
        return new CourseManifest(id, required(yaml, "title", problems), required(yaml, "language", problems),
                required(yaml, "kernel", problems), required(yaml, "version", problems),
                lessons(yaml.path("lessons"), problems));
    }

    private static String required(JsonNode yaml, String key, List<String> problems) {
        JsonNode value = yaml.get(key);
        if (value == null || !value.isValueNode() || value.asString("").isBlank()) {
            problems.add(FILE + " needs '" + key + "'");
            return "";
        }
        return value.asString().strip();
    }

    private static List<Lesson> lessons(JsonNode list, List<String> problems) {
        if (!list.isArray() || list.isEmpty()) {
            problems.add(FILE + " needs 'lessons': a list of {file, title}, in teaching order");
            return List.of();
        }
        List<Lesson> lessons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : list) {
            String file = entry.path("file").asString("");
            String title = entry.path("title").asString("");
            if (file.isBlank() || title.isBlank()) {
                problems.add("each lesson needs a file and a title (" + entry + ")");
            } else if (!file.endsWith(".ipynb") || file.startsWith("/") || file.contains("..")
                    || file.startsWith(CourseFolder.SOLUTIONS + "/")) {
                problems.add("lesson " + file + " must be a .ipynb file inside the course, outside solutions/");
            } else if (!seen.add(file)) {
                problems.add("lesson " + file + " is listed twice");
            } else {
                lessons.add(new Lesson(file, title));
            }
        }
        return lessons;
    }
}
