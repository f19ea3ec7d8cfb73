package org.learnbox.bridge.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A course folder as a teacher writes it, built file by file for a test. */
final class CourseFixture {
    private final Path root;
    private final String id;
    private final Map<String, String> lessons = new LinkedHashMap<>();
    private int version = 1;

    CourseFixture(Path root, String id) {
        this.root = root;
        this.id = id;
    }

    /** A one-cell notebook whose markdown says {@code text}, so each version is told apart. */
    static String notebook(String text) {
        return """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
                 "cells": [{"cell_type": "markdown", "id": "intro", "metadata": {}, "source": "%s"},
                           {"cell_type": "code", "id": "run", "metadata": {}, "execution_count": null, "outputs": [], "source": ["print(1)\\n", "print(2)"]}]}
                """.formatted(text);
    }

    CourseFixture lesson(String file, String text) {
        lessons.put(file, notebook(text));
        return this;
    }

    CourseFixture without(String file) {
        lessons.remove(file);
        delete(root.resolve(file));
        return this;
    }

    CourseFixture version(int version) {
        this.version = version;
        return this;
    }

    CourseFixture file(String relative, String content) {
        write(root.resolve(relative), content);
        return this;
    }

    /** Writes course.yaml and the notebooks, and opens the folder as the bridge would. */
    CourseFolder write() {
        String list = lessons.keySet().stream()
                .map(f -> "  - file: " + f + "\n    title: Lesson " + f)
                .collect(Collectors.joining("\n"));
        write(root.resolve("course.yaml"), """
                id: %s
                title: Test course %s
                language: python
                kernel: python3
                version: %d
                lessons:
                %s
                """.formatted(id, id, version, list));
        lessons.forEach((file, content) -> write(root.resolve(file), content));
        return CourseFolder.open(root);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path path) {
        if (!Files.exists(path)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
