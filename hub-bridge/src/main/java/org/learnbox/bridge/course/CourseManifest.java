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
import tools.jackson.dataformat.yaml.YAMLMapper;

/** What {@code course.yaml} says about a course: the lessons in teaching order, and its version. */
public record CourseManifest(String id, String title, String language, String kernel, String version,
        List<Lesson> lessons) {
    static final String FILE = "course.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    public record Lesson(String file, String title) {}

    /** Reads course.yaml, adding each thing wrong with it to {@code problems}. */
    static CourseManifest parse(byte[] content, List<MessageSourceResolvable> problems) {
        JsonNode yaml;
        try {
            yaml = YAML.readTree(content);
        } catch (JacksonException e) {
            problems.add(Words.phrase("course.problem.yaml", e.getOriginalMessage()));
            return null;
        }
        if (yaml == null || !yaml.isObject()) {
            problems.add(Words.phrase("course.problem.not-map"));
            return null;
        }
        String id = required(yaml, "id", problems);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add(Words.phrase("course.problem.id", id));
        }
        return new CourseManifest(id, required(yaml, "title", problems), required(yaml, "language", problems),
                required(yaml, "kernel", problems), required(yaml, "version", problems),
                lessons(yaml.path("lessons"), problems));
    }

    private static String required(JsonNode yaml, String key, List<MessageSourceResolvable> problems) {
        JsonNode value = yaml.get(key);
        if (value == null || !value.isValueNode() || value.asString("").isBlank()) {
            problems.add(Words.phrase("course.problem.needs", key));
            return "";
        }
        return value.asString().strip();
    }

    private static List<Lesson> lessons(JsonNode list, List<MessageSourceResolvable> problems) {
        if (!list.isArray() || list.isEmpty()) {
            problems.add(Words.phrase("course.problem.no-lessons"));
            return List.of();
        }
        List<Lesson> lessons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : list) {
            String file = entry.path("file").asString("");
            String title = entry.path("title").asString("");
            if (file.isBlank() || title.isBlank()) {
                problems.add(Words.phrase("course.problem.lesson-fields", String.valueOf(entry)));
            } else if (!file.endsWith(".ipynb") || file.startsWith("/") || file.contains("..")
                    || file.startsWith(CourseFolder.SOLUTIONS + "/")) {
                problems.add(Words.phrase("course.problem.lesson-file", file));
            } else if (!seen.add(file)) {
                problems.add(Words.phrase("course.problem.lesson-twice", file));
            } else {
                lessons.add(new Lesson(file, title));
            }
        }
        return lessons;
    }
}
