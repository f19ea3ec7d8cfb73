package org.learnbox.bridge.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What makes a course valid, and the words a teacher reads when it is not. */
class CourseFolderTest {
    @TempDir Path dir;

    @Test
    void aValidCourseIsReadWithItsLessonsInOrder() {
        CourseFolder course = new CourseFixture(dir, "intro").lesson("02-b.ipynb", "b").lesson("01-a.ipynb", "a")
                .file("solutions/02-b.json", "{}").file("data/table.csv", "x,y").write();
        assertThat(course.manifest().id()).isEqualTo("intro");
        assertThat(course.manifest().version()).isEqualTo("1");
        assertThat(course.manifest().lessons()).extracting(CourseManifest.Lesson::file).containsExactly("02-b.ipynb", "01-a.ipynb");
        assertThat(course.deliveredFiles()).extracting(Path::toString)
                .containsExactly("01-a.ipynb", "02-b.ipynb", "course.yaml", "data/table.csv");
    }

    @Test
    void aFolderWithoutCourseYamlIsNotACourse() {
        assertThatThrownBy(() -> CourseFolder.open(dir)).isInstanceOf(CourseException.class)
                .hasMessage("This is not a course: it has no course.yaml in its top folder");
    }

    @Test
    void courseYamlThatIsNotYamlIsRefused() throws Exception {
        Files.writeString(dir.resolve("course.yaml"), "id: [unclosed\n");
        assertThatThrownBy(() -> CourseFolder.open(dir)).isInstanceOf(CourseException.class)
                .hasMessageStartingWith("The course is not valid: course.yaml is not valid YAML:");
    }

    @Test
    void everyMissingOrWrongFieldIsNamedAtOnce() throws Exception {
        Files.writeString(dir.resolve("course.yaml"), "id: Bad Id!\ntitle: ''\nlessons:\n  - file: ../escape.ipynb\n    title: x\n");
        assertThatThrownBy(() -> CourseFolder.open(dir)).isInstanceOf(CourseException.class)
                .satisfies(e -> assertThat(((CourseException) e).problems()).containsExactly(
                        "id 'Bad Id!' must be 2-64 lowercase letters, digits or '-', starting with a letter or digit",
                        "course.yaml needs 'title'",
                        "course.yaml needs 'language'",
                        "course.yaml needs 'kernel'",
                        "course.yaml needs 'version'",
                        "lesson ../escape.ipynb must be a .ipynb file inside the course, outside solutions/"));
    }

    @Test
    void aListedLessonThatIsMissingIsNamed() {
        new CourseFixture(dir, "intro").lesson("01-a.ipynb", "a").write();
        new CourseFixture(dir, "intro").lesson("01-a.ipynb", "a").lesson("02-gone.ipynb", "b").write();
        CourseFixture.delete(dir.resolve("02-gone.ipynb"));
        assertThatThrownBy(() -> CourseFolder.open(dir)).isInstanceOf(CourseException.class)
                .hasMessage("The course 'intro' is not valid: lesson 02-gone.ipynb is listed but not there");
    }

    @Test
    void aNotebookThatIsNotNbformat4IsRefusedWithWhatIsWrong() {
        CourseFixture course = new CourseFixture(dir, "intro").lesson("01-a.ipynb", "a").lesson("02-b.ipynb", "b")
                .lesson("03-c.ipynb", "c").lesson("04-d.ipynb", "d");
        course.write();
        course.file("01-a.ipynb", "this is { not json");
        course.file("02-b.ipynb", "{\"nbformat\": 3, \"worksheets\": []}");
        course.file("03-c.ipynb", """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                  {"cell_type": "code", "id": "same", "metadata": {}, "source": "1"},
                  {"cell_type": "picture", "metadata": {}, "source": ""},
                  {"cell_type": "markdown", "id": "same", "metadata": {}, "source": 7}]}
                """);
        assertThatThrownBy(() -> CourseFolder.open(dir)).isInstanceOf(CourseException.class)
                .satisfies(e -> assertThat(((CourseException) e).problems()).containsExactly(
                        "01-a.ipynb is not a notebook: it is not valid JSON (Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))",
                        "02-b.ipynb is not an nbformat 4 notebook (nbformat is 3)",
                        "03-c.ipynb, cell 1: a code cell without outputs",
                        "03-c.ipynb, cell 1: execution_count is not a number",
                        "03-c.ipynb, cell 2: unknown cell type 'picture'",
                        "03-c.ipynb, cell 3: source is not text",
                        "03-c.ipynb, cell 3: id 'same' is used twice"));
    }

    @Test
    void theBundledCoursesAreValid() {
        Path content = Path.of("..", "course-content");
        for (String id : new String[] {"java-from-zero", "python-from-zero"}) {
            CourseFolder course = CourseFolder.open(content.resolve(id));
            assertThat(course.manifest().id()).isEqualTo(id);
            assertThat(course.deliveredFiles()).noneMatch(p -> p.startsWith("solutions"));
        }
    }
}
