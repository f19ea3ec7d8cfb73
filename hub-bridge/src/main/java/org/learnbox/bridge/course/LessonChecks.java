package org.learnbox.bridge.course;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The self-checks of each lesson: the names its code cells give {@code check("NAME", ...)}, the
 * helper every bundled lesson loads. A lesson's progress is how many of them a learner got right.
 */
@Component
public class LessonChecks {
    /** A name longer than this is no exercise's; it keeps what a learner can make the box store small. */
    static final int LONGEST_NAME = 200;
    private static final Pattern CHECK = Pattern.compile(
            "(?<![\\w.])check\\(\\s*(?:\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)')");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CourseRepositories repositories;
    /** Keyed by course and commit: a course's lessons never change under a commit. */
    private final Cache<String, Map<String, List<String>>> byCommit = Caffeine.newBuilder().maximumSize(64).build();

    LessonChecks(CourseRepositories repositories) {
        this.repositories = repositories;
    }

    /** Each lesson file of the course, in teaching order, with its checks' names in the order they appear. */
    public Map<String, List<String>> of(CourseRepositories.Published course) {
        return byCommit.get(course.manifest().id() + "@" + course.commit(), key -> read(course));
    }

    private Map<String, List<String>> read(CourseRepositories.Published course) {
        Map<String, List<String>> lessons = new LinkedHashMap<>();
        for (CourseManifest.Lesson lesson : course.manifest().lessons()) {
            lessons.put(lesson.file(), repositories.fileAt(course.manifest().id(), course.commit(), lesson.file())
                    .map(LessonChecks::namesIn).orElse(List.of()));
        }
        return lessons;
    }

    static List<String> namesIn(byte[] notebook) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (JsonNode cell : JSON.readTree(notebook).path("cells")) {
                if (!"code".equals(cell.path("cell_type").asString(""))) continue;
                Matcher check = CHECK.matcher(source(cell.path("source")));
                while (check.find()) {
                    String name = unescape(check.group(1) != null ? check.group(1) : check.group(2));
                    if (!name.isBlank() && name.length() <= LONGEST_NAME) names.add(name);
                }
            }
        } catch (JacksonException notANotebook) {
            return List.of();
        }
        return new ArrayList<>(names);
    }

    private static String source(JsonNode source) {
        if (!source.isArray()) return source.asString("");
        StringBuilder joined = new StringBuilder();
        source.forEach(line -> joined.append(line.asString("")));
        return joined.toString();
    }

    private static String unescape(String literal) {
        return literal.replaceAll("\\\\(.)", "$1");
    }
}
