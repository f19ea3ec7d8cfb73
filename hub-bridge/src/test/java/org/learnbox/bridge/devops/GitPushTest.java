package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.ReceivePack;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.identity.Role;

/** Pushing to the box and getting the work back, with the real git client: what a learner does and reads. */
class GitPushTest extends GitServerTestBase {

    @Test
    void theFirstPushMakesTheRepositoryAndACloneHasTheSameCommits() throws Exception {
        String ada = account("ada", Role.STUDENT);
        Path work = dir("work");
        String first = git.commit(work, "Main.java", "class Main {}\n", "Start the game\n\nWith a longer story.");

        GitCli.Result push = git.ok(work, "push", url(ada, ada, "my-game"), "main");
        assertThat(push.err()).contains("remote: " + ada + "/my-game is private: only you, your teachers and the admins"
                + " may clone it. Change that at http://127.0.0.1:" + port + "/repositories.");

        Path copy = dir("copy");
        git.ok(temp, "clone", "-q", url(ada, ada, "my-game"), copy.toString());
        assertThat(git.head(copy)).isEqualTo(first);
        assertThat(Files.readString(copy.resolve("Main.java"))).isEqualTo("class Main {}\n");

        RepoView listed = repos.reposOf(ada).getFirst();
        assertThat(listed.name()).isEqualTo("my-game");
        assertThat(listed.visibility()).isEqualTo("private");
        assertThat(listed.defaultBranch()).isEqualTo("main");
        assertThat(listed.lastCommit().shortId()).isEqualTo(first.substring(0, 7));
        assertThat(listed.lastCommit().firstLine()).isEqualTo("Start the game");
        fsck(ada, "my-game");
    }

    @Test
    void aFetchAfterASecondPushBringsTheNewCommit() {
        String ada = account("ada", Role.STUDENT);
        pushedProject(ada, "quiz");
        Path copy = dir("copy");
        git.ok(temp, "clone", "-q", url(ada, ada, "quiz"), copy.toString());

        Path laptop = dir("laptop");
        git.ok(temp, "clone", "-q", url(ada, ada, "quiz"), laptop.toString());
        String second = git.commit(laptop, "quiz.py", "print('2 + 2?')\n", "Ask a question");
        git.ok(laptop, "push", "-q", "origin", "main");

        git.ok(copy, "fetch", "-q");
        assertThat(git.ok(copy, "rev-parse", "origin/main").out().strip()).isEqualTo(second);
        fsck(ada, "quiz");
    }

    @Test
    void theDashboardShowsTheRepositoryWithItsLastCommitAndCloneAddress() throws Exception {
        String ada = account("ada", Role.STUDENT);
        String commit = pushedProject(ada, "site");
        String html = mvc.perform(get("/").with(user(ada).roles("STUDENT"))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("My repositories", "http://localhost/git/" + ada + "/site.git", commit.substring(0, 7),
                "Start site", "not deployed", "href=\"/tokens\"");
    }

    @Test
    void aBadProjectNameIsRefusedInWords() {
        String ada = account("ada", Role.STUDENT);
        Path work = dir("work");
        git.commit(work, "a.txt", "a\n", "A");
        GitCli.Result push = git.run(work, "push", url(ada, ada, "My_Game"), "main");
        assertThat(push.ok()).isFalse();
        assertThat(push.err()).contains("fatal: remote error: 'My_Game' is not a name for a repository: use 2 to 32"
                + " lowercase letters, digits or '-' (not two in a row), starting with a letter or a digit, e.g. my-game.");
        assertThat(repos.reposOf(ada)).isEmpty();
    }

    @Test
    void aPushOverTheSizeLimitIsRefusedInWordsAndChangesNothing() {
        String ada = account("ada", Role.STUDENT);
        String before = pushedProject(ada, "big");
        Path work = dir(ada + "-big-first");
        byte[] noise = new byte[200 * 1024]; // random bytes do not compress: the pack stays over 64 KB
        new Random(42).nextBytes(noise);
        writeFile(work.resolve("video.bin"), noise);
        git.ok(work, "add", "video.bin");
        git.ok(work, "commit", "-q", "-m", "Add a video");

        GitCli.Result push = git.run(work, "push", url(ada, ada, "big"), "main");
        assertThat(push.ok()).isFalse();
        assertThat(push.err()).contains("remote: error: This push is bigger than 64 KB, the most one push may bring to"
                + " this box, so nothing of it was stored.");
        assertThat(repos.reposOf(ada).getFirst().lastCommit().shortId()).isEqualTo(before.substring(0, 7));
        fsck(ada, "big");
    }

    @Test
    void forcePushesAndDeletingMainAreTheOwnersToDoAndAreRecorded() {
        String ada = account("ada", Role.STUDENT);
        String first = pushedProject(ada, "history");
        Path work = dir(ada + "-history-first");
        git.ok(work, "commit", "-q", "--amend", "-m", "Start again");

        GitCli.Result force = git.ok(work, "push", "--force", url(ada, ada, "history"), "main");
        assertThat(force.err()).contains("remote: Recorded: main was force-pushed; it was at " + first.substring(0, 7));
        GitCli.Result delete = git.ok(work, "push", url(ada, ada, "history"), ":main");
        assertThat(delete.err()).contains("remote: Recorded: you deleted main, the branch the box deploys from; it was at "
                + git.head(work).substring(0, 7) + ". Push main again to bring it back.");

        assertThat(repos.history(ada, "history")).extracting(GitPush::getKind)
                .containsExactly(GitPush.Kind.DELETE, GitPush.Kind.FORCE, GitPush.Kind.CREATE);
        assertThat(repos.history(ada, "history").get(1).getOldId()).isEqualTo(first);
        fsck(ada, "history");
    }

    @Test
    void twoPushesAtOnceLeaveTheRepositoryWholeAndTheLaterOneIsToldWhy() throws IOException {
        String ada = account("ada", Role.STUDENT);
        pushedProject(ada, "race");
        Path first = dir("first");
        Path second = dir("second");
        git.ok(temp, "clone", "-q", url(ada, ada, "race"), first.toString());
        git.ok(temp, "clone", "-q", url(ada, ada, "race"), second.toString());
        String winner = git.commit(first, "a.txt", "from the laptop\n", "From the laptop");
        git.commit(second, "b.txt", "from the sandbox\n", "From the sandbox");
        // git runs pre-push after it has asked the box for its branches: the other push lands just then.
        Path hook = second.resolve(".git/hooks/pre-push");
        Files.writeString(hook, "#!/bin/sh\nunset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_PREFIX\n"
                + "cd '" + first + "' && git -c credential.helper= push -q origin main\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));

        GitCli.Result later = git.run(second, "push", "origin", "main");
        assertThat(later.ok()).isFalse();
        assertThat(later.err()).contains("! [remote rejected] main -> main (another push changed main while yours ran,"
                + " so main stays as that push left it. Pull, then push again)");
        assertThat(repos.reposOf(ada).getFirst().lastCommit().shortId()).isEqualTo(winner.substring(0, 7));
        fsck(ada, "race");
    }

    @Test
    void thePushListenerHearsOfEachBranchAndCanTalkToThePusher() {
        doAnswer(call -> {
            call.getArgument(4, ReceivePack.class).sendMessage("Building " + call.getArgument(2) + "...");
            return null;
        }).when(pushListener).pushed(any(), any(), any(), any(), any());
        String ada = account("ada", Role.STUDENT);
        Path work = dir("work");
        String commit = git.commit(work, "index.html", "<h1>Hi</h1>\n", "Say hi");

        GitCli.Result push = git.ok(work, "push", url(ada, ada, "hello"), "main");
        assertThat(push.err()).contains("remote: Building main...");
        verify(pushListener).pushed(eq(ada), eq("hello"), eq("main"), eq(ObjectId.fromString(commit)), any());
    }

    @Test
    void aPushOfAnotherBranchFirstMakesItTheDefault() {
        String ada = account("ada", Role.STUDENT);
        Path work = dir("work");
        git.commit(work, "a.txt", "a\n", "On master");
        git.ok(work, "branch", "-m", "master");
        git.ok(work, "push", "-q", url(ada, ada, "old-habits"), "master");
        assertThat(repos.reposOf(ada).getFirst().defaultBranch()).isEqualTo("master");

        Path copy = dir("copy");
        git.ok(temp, "clone", "-q", url(ada, ada, "old-habits"), copy.toString());
        assertThat(copy.resolve("a.txt")).exists();
    }
}
