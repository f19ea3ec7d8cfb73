package org.learnbox.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.MountableFile;

/**
 * Every lesson of every course, top to bottom in learnbox/sandbox with the real kernels:
 * as students receive it (only cells tagged raises-exception may fail), and with the
 * solutions put in (every self-check must say it is right). The runner is tools/run_course.py.
 */
class LessonsIT {
    private static final Path COURSES = Path.of("").toAbsolutePath();
    private static GenericContainer<?> sandbox;

    @BeforeAll
    static void startASandbox() {
        sandbox = new GenericContainer<>("learnbox/sandbox:latest")
                .withCommand("sleep", "infinity")
                .withCopyFileToContainer(MountableFile.forHostPath(COURSES.resolve("tools"), 0755), "/opt/courses/tools");
        for (Path course : courses()) {
            sandbox.withCopyFileToContainer(MountableFile.forHostPath(course, 0755), "/opt/courses/" + course.getFileName());
        }
        sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @TestFactory
    Stream<DynamicTest> everyLessonRunsAndEverySolutionPassesItsSelfChecks() {
        return courses().stream().flatMap(course -> lessons(course).stream().map(lesson ->
                DynamicTest.dynamicTest(course.getFileName() + "/" + lesson, () -> {
                    ExecResult result = sandbox.execInContainer("python3", "/opt/courses/tools/run_course.py",
                            "/opt/courses/" + course.getFileName(), lesson);
                    assertThat(result.getExitCode()).as(result.getStdout() + result.getStderr()).isZero();
                    assertThat(result.getStdout()).startsWith("ok   " + lesson);
                })));
    }

    private static List<Path> courses() {
        try (Stream<Path> dirs = Files.list(COURSES)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("course.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lessons course.yaml lists, in order (each "- file: NAME" line). */
    private static List<String> lessons(Path course) {
        try {
            List<String> lessons = Files.readAllLines(course.resolve("course.yaml")).stream()
                    .map(String::strip)
                    .filter(line -> line.startsWith("- file:"))
                    .map(line -> line.substring("- file:".length()).strip())
                    .toList();
            assertThat(lessons).as("lessons of " + course).isNotEmpty();
            return lessons;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
