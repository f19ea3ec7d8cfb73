package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may clone and who may push, as the real git client meets it: anonymous, the owner, another
 * student, the owner's teacher, another teacher and an admin, at a private, a public and a missing
 * repository. The page doors are walked in AuthorizationWalkTest; these are the git doors.
 */
class GitAccessTest extends GitServerTestBase {
    @Autowired ClassroomService classrooms;

    /** What git ends with: done, asked for a login (which git cannot give without a prompt), or refused in words. */
    enum Outcome { DONE, LOG_IN, REFUSED }

    private String owner, student, teacher, otherTeacher, admin;
    private int pushes;

    @BeforeEach
    void aSchool() {
        owner = account("owner", Role.STUDENT);
        student = account("student", Role.STUDENT);
        teacher = account("teacher", Role.TEACHER);
        otherTeacher = account("other-teacher", Role.TEACHER);
        admin = account("admin", Role.ADMIN);
        Classroom math = classrooms.create(teacher, "Git math " + owner);
        Classroom art = classrooms.create(otherTeacher, "Git art " + owner);
        classrooms.join(owner, math.getJoinCode());
        classrooms.join(student, math.getJoinCode());
        classrooms.join(student, art.getJoinCode());
        pushedProject(owner, "diary");
        pushedProject(owner, "portfolio");
        repos.changeVisibility(owner, "portfolio", RepoVisibility.PUBLIC);
    }

    @Test
    void everyGitDoorAnswersEachKindOfPersonAsItShould() {
        List<String> people = Arrays.asList(null, owner, student, teacher, otherTeacher, admin);
        // door -> what git ends with for: anonymous, owner, another student, the owner's teacher, another teacher, admin
        Map<String, List<Outcome>> doors = new LinkedHashMap<>();
        doors.put("clone diary", outcomes("LOG_IN DONE REFUSED DONE REFUSED DONE"));
        doors.put("push diary", outcomes("LOG_IN DONE REFUSED REFUSED REFUSED REFUSED"));
        doors.put("clone portfolio", outcomes("DONE DONE DONE DONE DONE DONE"));
        doors.put("push portfolio", outcomes("LOG_IN DONE REFUSED REFUSED REFUSED REFUSED"));
        doors.put("clone nothing-here", outcomes("LOG_IN REFUSED REFUSED REFUSED REFUSED REFUSED"));

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<Outcome>> door : doors.entrySet()) {
            for (int i = 0; i < people.size(); i++) {
                Outcome got = knock(door.getKey(), people.get(i));
                if (got != door.getValue().get(i)) {
                    wrong.add(door.getKey() + " as " + people.get(i) + ": " + got + ", expected " + door.getValue().get(i));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void someoneElsesPushIsRefusedInWordsGitPrints() {
        Path work = dir("work");
        git.commit(work, "x.txt", "x\n", "Not mine");
        GitCli.Result push = git.run(work, "push", url(student, owner, "diary"), "main");
        assertThat(push.err()).isEqualTo("fatal: remote error: Only " + owner + " may push to " + owner + "'s repositories."
                + " Push to one of your own instead: http://127.0.0.1:" + port + "/git/" + student + "/diary.git.\n");
    }

    @Test
    void theOwnersTeacherClonesAPrivateRepositoryButMayNotPushToIt() {
        Path copy = dir("copy");
        git.ok(temp, "clone", "-q", url(teacher, owner, "diary"), copy.toString());
        git.commit(copy, "feedback.txt", "Well done\n", "Feedback");
        GitCli.Result push = git.run(copy, "push", "origin", "main");
        assertThat(push.err()).contains("fatal: remote error: Only " + owner + " may push to " + owner + "'s repositories.");
    }

    @Test
    void anotherTeacherFindsAPrivateRepositoryExactlyAsAMissingOne() {
        GitCli.Result privateOne = git.run(temp, "ls-remote", url(otherTeacher, owner, "diary"));
        GitCli.Result missing = git.run(temp, "ls-remote", url(otherTeacher, owner, "diaries"));
        assertThat(privateOne.err()).isEqualTo("fatal: remote error: There is no repository " + owner + "/diary on this"
                + " box, or it is not shared with you. Check the address with " + owner + "; they can make it public.\n");
        assertThat(missing.err()).isEqualTo(privateOne.err().replace("/diary ", "/diaries "));
    }

    @Test
    void anyoneClonesAPublicRepositoryWithoutLoggingInButNotAPrivateOne() {
        git.ok(temp, "clone", "-q", anonymousUrl(owner, "portfolio"), dir("public").toString());
        GitCli.Result privateOne = git.run(temp, "clone", "-q", anonymousUrl(owner, "diary"), dir("private").toString());
        assertThat(privateOne.ok()).isFalse();
        assertThat(privateOne.err()).contains("could not read Username");
    }

    @Test
    void theOwnerIsToldHowToMakeARepositoryTheyDoNotHave() {
        GitCli.Result clone = git.run(temp, "ls-remote", url(owner, owner, "next-project"));
        assertThat(clone.err()).isEqualTo("fatal: remote error: You have no repository named 'next-project' yet. Push to this"
                + " address to make it, or make it at http://127.0.0.1:" + port + "/repositories.\n");
    }

    @Test
    void gitCoursesStaysTheCourseServersAndNoAccountNamedCoursesHasRepositories() {
        GitCli.Result course = git.run(temp, "ls-remote", anonymousUrl("courses", "no-such-course"));
        assertThat(course.err()).contains("repository '" + anonymousUrl("courses", "no-such-course") + "/' not found");
        assertThatThrownBy(() -> repos.create("courses", "notes", RepoVisibility.PRIVATE))
                .isInstanceOf(RepoException.class)
                .hasMessage("The account 'courses' cannot have git repositories: /git/courses/ holds the box's courses."
                        + " Ask an admin for an account with another name.");
    }

    private Outcome knock(String door, String person) {
        String[] parts = door.split(" ");
        String address = person == null ? anonymousUrl(owner, parts[1]) : url(person, owner, parts[1]);
        GitCli.Result result;
        if (parts[0].equals("clone")) {
            result = git.run(temp, "clone", "-q", address, dir("clone-" + (++pushes)).toString());
        } else {
            Path work = dir("push-" + (++pushes));
            git.commit(work, "n.txt", pushes + "\n", "Push " + pushes);
            result = git.run(work, "push", "-q", address, "HEAD:refs/heads/walk-" + pushes);
        }
        if (result.ok()) return Outcome.DONE;
        if (result.err().contains("could not read Username")) return Outcome.LOG_IN;
        if (result.err().contains("fatal: remote error: ")) return Outcome.REFUSED;
        throw new AssertionError(door + " as " + person + ": " + result);
    }

    private static List<Outcome> outcomes(String line) {
        return Arrays.stream(line.split(" ")).map(Outcome::valueOf).toList();
    }
}
