package org.learnbox.bridge.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.learnbox.bridge.config.Words;
import org.springframework.context.MessageSourceResolvable;

/**
 * A course as its author keeps it: {@code course.yaml}, the lesson notebooks, and a
 * {@code solutions/} folder that students never receive.
 */
public final class CourseFolder {
    static final String SOLUTIONS = "solutions";

    private final Path root;
    private final CourseManifest manifest;

    private CourseFolder(Path root, CourseManifest manifest) {
        this.root = root;
        this.manifest = manifest;
    }

    /** Reads and checks the whole course; refuses it with every problem found. */
    public static CourseFolder open(Path root) {
        Path file = root.resolve(CourseManifest.FILE);
        if (!Files.isRegularFile(file)) {
            throw new CourseException("course.refused.not-a-course");
        }
        List<MessageSourceResolvable> problems = new ArrayList<>();
        CourseManifest manifest = CourseManifest.parse(read(file), problems);
        if (manifest != null) {
            for (CourseManifest.Lesson lesson : manifest.lessons()) {
                Path notebook = root.resolve(lesson.file());
                if (!Files.isRegularFile(notebook)) {
                    problems.add(Words.phrase("course.problem.lesson-missing", lesson.file()));
                } else {
                    problems.addAll(NotebookCheck.problems(lesson.file(), read(notebook)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw CourseException.withProblems(manifest == null || manifest.id().isEmpty() ? Words.phrase("course.refused.invalid")
                    : Words.phrase("course.refused.invalid-id", manifest.id()), problems);
        }
        return new CourseFolder(root, manifest);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CourseException("course.refused.read", String.valueOf(file.getFileName()), e.getMessage());
        }
    }

    public CourseManifest manifest() {
        return manifest;
    }

    public Path root() {
        return root;
    }

    /** The files students receive, relative to the course folder: everything but solutions and git's own. */
    List<Path> deliveredFiles() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(CourseFolder::isDelivered)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CourseException("course.refused.read-folder", e.getMessage());
        }
    }

    private static boolean isDelivered(Path relative) {
        String first = relative.getName(0).toString();
        if (first.equals(SOLUTIONS) || first.equals(".git")) return false;
        for (Path part : relative) {
            if (part.toString().equals(".ipynb_checkpoints")) return false;
        }
        return true;
    }
}
