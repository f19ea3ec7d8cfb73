package org.learnbox.bridge.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
            throw new CourseException("This is not a course: it has no " + CourseManifest.FILE + " in its top folder");
        }
        List<String> problems = new ArrayList<>();
        CourseManifest manifest = CourseManifest.parse(read(file), problems);
        if (manifest != null) {
            for (CourseManifest.Lesson lesson : manifest.lessons()) {
                Path notebook = root.resolve(lesson.file());
                if (!Files.isRegularFile(notebook)) {
                    problems.add("lesson " + lesson.file() + " is listed but not there");
                } else {
                    problems.addAll(NotebookCheck.problems(lesson.file(), read(notebook)));
                }
            }
        }
        if (!problems.isEmpty()) {
            String id = manifest == null || manifest.id().isEmpty() ? "" : "'" + manifest.id() + "' ";
            throw new CourseException("The course " + id + "is not valid", problems);
        }
        return new CourseFolder(root, manifest);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CourseException("Could not read " + file.getFileName() + ": " + e.getMessage());
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
            throw new CourseException("Could not read the course folder: " + e.getMessage());
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
