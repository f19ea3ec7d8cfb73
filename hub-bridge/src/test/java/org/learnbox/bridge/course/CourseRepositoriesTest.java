package org.learnbox.bridge.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing courses as git history that students' copies can always move forward on. */
class CourseRepositoriesTest {
    @TempDir Path repos;
    @TempDir Path source;

    private final List<String> files = new ArrayList<>();

    @Test
    void eachChangedPublishIsOneNewCommitOnTopOfTheLastAndSolutionsAreLeftOut() throws Exception {
        CourseRepositories store = new CourseRepositories(repos);
        CourseFixture course = new CourseFixture(source, "intro").lesson("01-a.ipynb", "a")
                .file("solutions/01-a.json", "{\"ex\": \"answer\"}");
        assertThat(store.publish(course.write(), "bundled")).isTrue();
        assertThat(store.publish(course.write(), "bundled")).as("the same files again").isFalse();
        assertThat(store.publish(course.lesson("02-b.ipynb", "b").version(2).write(), "bundled")).isTrue();

        CourseRepositories.Published published = store.find("intro").orElseThrow();
        assertThat(published.manifest().version()).isEqualTo("2");
        assertThat(published.source()).isEqualTo("bundled");
        try (Repository repo = store.openRepository("intro").orElseThrow(); Git git = new Git(repo)) {
            List<RevCommit> history = new ArrayList<>();
            git.log().call().forEach(history::add);
            assertThat(history).hasSize(2);
            assertThat(history.getFirst().getParent(0)).isEqualTo(history.get(1));
            assertThat(history.getFirst().getFullMessage()).isEqualTo("Test course intro, version 2\n");
            try (TreeWalk walk = new TreeWalk(repo)) {
                walk.addTree(history.getFirst().getTree());
                walk.setRecursive(true);
                while (walk.next()) files.add(walk.getPathString());
            }
        }
        assertThat(files).containsExactly("01-a.ipynb", "02-b.ipynb", "course.yaml");
        assertThat(store.list()).extracting(p -> p.manifest().id()).containsExactly("intro");
    }

    @Test
    void anotherCourseWithTheSameIdIsRefused() {
        CourseRepositories store = new CourseRepositories(repos);
        store.publish(new CourseFixture(source, "intro").lesson("01-a.ipynb", "a").write(), "bundled");
        assertThatThrownBy(() -> store.publish(CourseFolder.open(source), "https://example.org/other.git"))
                .isInstanceOf(CourseException.class)
                .hasMessage("A course with the id 'intro' is already on this box, from bundled."
                        + " Give the new course another id in its course.yaml.");
    }

    @Test
    void namesThatAreNotCourseIdsFindNothing() {
        CourseRepositories store = new CourseRepositories(repos.resolve("courses"));
        assertThat(store.openRepository("../etc")).isEmpty();
        assertThat(store.openRepository("nope")).isEmpty();
        assertThat(store.list()).isEmpty();
    }
}
