package org.learnbox.bridge.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

/**
 * The delivery rules, one scenario each: the bridge's real git server, a real sandbox image,
 * and a learner's home on a real Docker volume, changed the way a learner changes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CourseDeliveryIT {
    private static final String HOME_VOLUME = "learnbox-course-delivery-it-home";
    private static GenericContainer<?> sandbox;

    @Autowired CourseRepositories repositories;
    @LocalServerPort int port;
    @TempDir Path teacher;

    @BeforeAll
    static void startALearnersSandbox() {
        sandbox = new GenericContainer<>("learnbox/sandbox:latest")
                .withCommand("sleep", "infinity")
                .withExtraHost("host.docker.internal", "host-gateway")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMounts(List.of(new Mount()
                        .withType(MountType.VOLUME).withSource(HOME_VOLUME).withTarget("/home/learner"))));
        sandbox.start();
    }

    @AfterAll
    static void removeTheSandboxAndItsHome() {
        sandbox.stop();
        DockerClientFactory.instance().client().removeVolumeCmd(HOME_VOLUME).exec();
    }

    private String sync(String course) throws Exception {
        ExecResult result = sandbox.execInContainer("learnbox-course-sync",
                "http://host.docker.internal:" + port + "/git/courses/" + course + ".git", course);
        return result.getStdout().strip();
    }

    private String sh(String script) throws Exception {
        ExecResult result = sandbox.execInContainer("sh", "-c", "cd ~/courses && " + script);
        return result.getStdout() + result.getStderr();
    }

    private String read(String path) throws Exception {
        return sh("cat " + path);
    }

    private static String notebook(String text) {
        return CourseFixture.notebook(text);
    }

    @Test
    void theFirstSyncClonesTheCourseWithoutItsSolutions() throws Exception {
        repositories.publish(new CourseFixture(teacher, "first").lesson("01-a.ipynb", "a v1")
                .file("solutions/01-a.json", "{}").write(), "test");
        assertThat(sync("first")).isEqualTo("{\"course\": \"first\", \"action\": \"cloned\"}");
        assertThat(sh("ls -A first")).isEqualTo(".git\n01-a.ipynb\ncourse.yaml\n");
        assertThat(read("first/01-a.ipynb")).isEqualTo(notebook("a v1"));
    }

    @Test
    void aChangedFileKeepsTheLearnersVersionAndTheTeachersNewOneIsSavedBesideIt() throws Exception {
        CourseFixture course = new CourseFixture(teacher, "changed").lesson("01-a.ipynb", "a v1").lesson("02-b.ipynb", "b v1");
        repositories.publish(course.write(), "test");
        sync("changed");
        sh("echo 'my answer' > changed/01-a.ipynb && echo 'my notes' > changed/02-b.ipynb");

        repositories.publish(course.lesson("01-a.ipynb", "a v2").version(2).write(), "test");
        assertThat(sync("changed")).contains("\"action\": \"updated\"", "\"teacher_copies\": [\"01-a.teacher-v2.ipynb\"]");
        assertThat(read("changed/01-a.ipynb")).isEqualTo("my answer\n");
        assertThat(read("changed/01-a.teacher-v2.ipynb")).isEqualTo(notebook("a v2"));
        assertThat(read("changed/02-b.ipynb")).as("changed by the learner only").isEqualTo("my notes\n");
        assertThat(sh("ls changed")).doesNotContain("02-b.teacher");
    }

    @Test
    void whatALearnerSavesWhileASyncRunsIsKept() throws Exception {
        CourseFixture course = new CourseFixture(teacher, "racing").lesson("01-a.ipynb", "a v1").lesson("02-b.ipynb", "b v1");
        repositories.publish(course.write(), "test");
        sync("racing");
        repositories.publish(course.lesson("01-a.ipynb", "a v2").version(2).write(), "test");
        // git as the sync runs it, with the learner saving both lessons just after the sync looked at what they changed.
        sh("mkdir -p /tmp/saving-git && printf '%s\\n' '#!/bin/sh' '/usr/bin/git \"$@\"; status=$?'"
                + " 'case \"$*\" in *\"diff --name-status\"*) for f in 01-a 02-b; do echo saved-meanwhile > ~/courses/racing/$f.ipynb; done;; esac'"
                + " 'exit $status' > /tmp/saving-git/git && chmod +x /tmp/saving-git/git");

        ExecResult synced = sandbox.execInContainer("env", "PATH=/tmp/saving-git:/usr/local/bin:/usr/bin:/bin", "learnbox-course-sync",
                "http://host.docker.internal:" + port + "/git/courses/racing.git", "racing");
        assertThat(synced.getStdout()).contains("\"action\": \"updated\"", "\"teacher_copies\": [\"01-a.teacher-v2.ipynb\"]");
        assertThat(read("racing/01-a.ipynb")).isEqualTo("saved-meanwhile\n");
        assertThat(read("racing/02-b.ipynb")).as("a lesson the course did not change").isEqualTo("saved-meanwhile\n");
        assertThat(read("racing/01-a.teacher-v2.ipynb")).isEqualTo(notebook("a v2"));
    }

    @Test
    void aDeletedFileComesBackAndAnEditedThenDeletedOneComesBackFresh() throws Exception {
        CourseFixture course = new CourseFixture(teacher, "deleted").lesson("01-a.ipynb", "a v1").lesson("02-b.ipynb", "b v1");
        repositories.publish(course.write(), "test");
        sync("deleted");
        sh("rm deleted/02-b.ipynb && echo mine > deleted/01-a.ipynb");
        repositories.publish(course.lesson("01-a.ipynb", "a v2").version(2).write(), "test");
        assertThat(sync("deleted")).contains("\"restored\": [\"02-b.ipynb\"]");
        assertThat(read("deleted/02-b.ipynb")).isEqualTo(notebook("b v1"));

        sh("rm deleted/01-a.ipynb");
        sync("deleted");
        assertThat(read("deleted/01-a.ipynb")).as("the newest version, not the learner's old edit")
                .isEqualTo(notebook("a v2"));
    }

    @Test
    void newFilesArriveRemovedOnesGoAndAddingThenRemovingKeepsSyncing() throws Exception {
        CourseFixture course = new CourseFixture(teacher, "moving").lesson("01-a.ipynb", "a v1").lesson("02-b.ipynb", "b v1");
        repositories.publish(course.write(), "test");
        sync("moving");
        sh("echo 'my own notes' > moving/notes.txt");

        repositories.publish(course.lesson("03-c.ipynb", "c v2").without("02-b.ipynb").version(2).write(), "test");
        sync("moving");
        assertThat(sh("ls moving")).isEqualTo("01-a.ipynb\n03-c.ipynb\ncourse.yaml\nnotes.txt\n");

        repositories.publish(course.without("03-c.ipynb").version(3).write(), "test");
        assertThat(sync("moving")).contains("\"action\": \"updated\"");
        repositories.publish(course.lesson("03-c.ipynb", "c v4").version(4).write(), "test");
        assertThat(sync("moving")).contains("\"action\": \"updated\"");
        assertThat(read("moving/03-c.ipynb")).isEqualTo(notebook("c v4"));
        assertThat(read("moving/notes.txt")).isEqualTo("my own notes\n");
    }

    @Test
    void aFileTheTeacherRemovedStaysWhenTheLearnerChangedIt() throws Exception {
        CourseFixture course = new CourseFixture(teacher, "removed").lesson("01-a.ipynb", "a v1").lesson("02-b.ipynb", "b v1");
        repositories.publish(course.write(), "test");
        sync("removed");
        sh("echo 'my work' > removed/02-b.ipynb");
        repositories.publish(course.without("02-b.ipynb").version(2).write(), "test");
        sync("removed");
        assertThat(read("removed/02-b.ipynb")).isEqualTo("my work\n");
    }

    @Test
    void aLearnersOwnFileWithTheNameOfANewCourseFileStays() throws Exception {
        CourseFixture course = new CourseFixture(teacher, "clash").lesson("01-a.ipynb", "a v1");
        repositories.publish(course.write(), "test");
        sync("clash");
        sh("echo 'I made this first' > clash/02-b.ipynb");
        repositories.publish(course.lesson("02-b.ipynb", "b v2").version(2).write(), "test");
        assertThat(sync("clash")).contains("\"teacher_copies\": [\"02-b.teacher-v2.ipynb\"]");
        assertThat(read("clash/02-b.ipynb")).isEqualTo("I made this first\n");
        assertThat(read("clash/02-b.teacher-v2.ipynb")).isEqualTo(notebook("b v2"));
    }

    @Test
    void aDivergedHistoryIsBackedUpAndClonedAgainNeverDiscarded() throws Exception {
        CourseFixture course = new CourseFixture(teacher, "diverged").lesson("01-a.ipynb", "a v1");
        repositories.publish(course.write(), "test");
        sync("diverged");
        sh("cd diverged && echo 'committed work' > 01-a.ipynb && git -c user.name=L -c user.email=l@x commit -qam mine");
        repositories.publish(course.lesson("01-a.ipynb", "a v2").version(2).write(), "test");

        String answer = sync("diverged");
        assertThat(answer).contains("\"action\": \"re-cloned\"").containsPattern("\"backup\": \"courses/diverged.backup-\\d{8}-\\d{6}\"");
        assertThat(read("diverged/01-a.ipynb")).isEqualTo(notebook("a v2"));
        assertThat(read("diverged.backup-*/01-a.ipynb")).isEqualTo("committed work\n");
    }

    @Test
    void aCloneCutShortByTheSandboxsStopLeavesNothingThatStopsTheNextSync() throws Exception {
        repositories.publish(new CourseFixture(teacher, "cut").lesson("01-a.ipynb", "a v1").write(), "test");
        // A clone killed midway with its container: what it left beside the course's place.
        sh("mkdir -p .cut.cloning/.git && echo half > .cut.cloning/.git/HEAD");
        assertThat(sync("cut")).isEqualTo("{\"course\": \"cut\", \"action\": \"cloned\"}");
        assertThat(read("cut/01-a.ipynb")).isEqualTo(notebook("a v1"));
        assertThat(sh("ls -a")).doesNotContain(".cut.cloning");

        // What a clone cut short by an older box left in the course's place: a repository without a commit.
        repositories.publish(new CourseFixture(teacher, "cut-before").lesson("01-a.ipynb", "a v1").write(), "test");
        sh("mkdir cut-before && cd cut-before && git init -q && git remote add origin http://host.docker.internal:9/none.git");
        assertThat(sync("cut-before")).contains("\"action\": \"re-cloned\"");
        assertThat(read("cut-before/01-a.ipynb")).isEqualTo(notebook("a v1"));
    }

    @Test
    void anUnknownCourseFailsInWordsAndTouchesNothing() throws Exception {
        repositories.publish(new CourseFixture(teacher, "kept").lesson("01-a.ipynb", "a v1").write(), "test");
        sync("kept");
        sh("echo mine > kept/01-a.ipynb");
        String answer = sandbox.execInContainer("learnbox-course-sync",
                "http://host.docker.internal:" + port + "/git/courses/no-such-course.git", "kept").getStdout();
        assertThat(answer).contains("\"action\": \"failed\"", "git fetch failed");
        assertThat(read("kept/01-a.ipynb")).isEqualTo("mine\n");
    }

    @Test
    void theCourseRepositoriesAreReadOnly() throws Exception {
        repositories.publish(new CourseFixture(teacher, "readonly").lesson("01-a.ipynb", "a v1").write(), "test");
        sync("readonly");
        String push = sh("cd readonly && echo x > x.txt && git add x.txt && git -c user.name=L -c user.email=l@x commit -qm x"
                + " && git push origin HEAD:main 2>&1; echo exit=$?");
        assertThat(push).contains("exit=1").doesNotContain("exit=0");
        assertThat(repositories.find("readonly").orElseThrow().manifest().version()).isEqualTo("1");
    }
}
