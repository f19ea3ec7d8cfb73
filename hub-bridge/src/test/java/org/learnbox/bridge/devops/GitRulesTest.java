package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The small rules of the git server, one at a time. */
class GitRulesTest {
    @TempDir Path data;

    @Test
    void repositoryNamesFollowTheAppNamesRule() {
        assertThat(RepoNames.isValid("my-game")).isTrue();
        assertThat(RepoNames.isValid("2048")).isTrue();
        for (String bad : new String[] {"My-Game", "a", "-game", "my--game", "my_game", "a".repeat(33), "x.y"}) {
            assertThat(RepoNames.isValid(bad)).as(bad).isFalse();
        }
        assertThat(RepoNames.withoutGitSuffix("my-game.git")).isEqualTo("my-game");
    }

    @Test
    void aGitUrlNamesAnOwnerAndAProject() {
        assertThat(RepoPath.parse("ada/my-game.git")).contains(new RepoPath("ada", "my-game"));
        assertThat(RepoPath.parse("ada/my-game")).contains(new RepoPath("ada", "my-game"));
        assertThat(RepoPath.parse("ada/My_Game.git")).contains(new RepoPath("ada", "My_Game")); // refused later, in words
        assertThat(RepoPath.parse("ada")).isEmpty();
        assertThat(RepoPath.parse("ada/x/y.git")).isEmpty();
        assertThat(RepoPath.parse("../etc/passwd")).isEmpty();
        assertThat(RepoPath.parse("Ada/game.git")).isEmpty();
        assertThat(RepoPath.parse("ada/.git")).isEmpty();
    }

    @Test
    void thePushLimitIsSaidInWords() {
        assertThat(LearnerReceivePack.inWords(DataSize.ofMegabytes(50))).isEqualTo("50 MB");
        assertThat(LearnerReceivePack.inWords(DataSize.ofKilobytes(64))).isEqualTo("64 KB");
        assertThat(LearnerReceivePack.inWords(DataSize.ofBytes(1000))).isEqualTo("1000 bytes");
    }

    @Test
    void aBranchThatMovedWhileAPushRanIsExplainedAndOtherRefusalsAreLeftAlone() throws Exception {
        GitStorage storage = new GitStorage(data);
        storage.create("ada", "race");
        try (Repository repo = new FileRepositoryBuilder().setGitDir(storage.folder("ada", "race").toFile()).build()) {
            ObjectId seen = ObjectId.fromString("1111111111111111111111111111111111111111");
            ObjectId pushed = ObjectId.fromString("2222222222222222222222222222222222222222");
            ReceiveCommand lostLock = new ReceiveCommand(seen, pushed, "refs/heads/main");
            lostLock.setResult(ReceiveCommand.Result.LOCK_FAILURE);
            ReceiveCommand createdMeanwhile = new ReceiveCommand(ObjectId.zeroId(), pushed, "refs/heads/topic");
            createdMeanwhile.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "ref exists");
            ReceiveCommand funnyName = new ReceiveCommand(ObjectId.zeroId(), pushed, "refs/heads/ok");
            funnyName.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "funny refname");

            // "topic" exists now (another push made it); "ok" does not.
            var update = repo.updateRef("refs/heads/topic");
            update.setNewObjectId(emptyCommit(repo));
            update.update();
            LearnerReceivePack.explainLostRaces(repo, List.of(lostLock, createdMeanwhile, funnyName));

            assertThat(lostLock.getMessage()).isEqualTo("another push changed main while yours ran, so main stays as"
                    + " that push left it. Pull, then push again");
            assertThat(lostLock.getResult()).isEqualTo(ReceiveCommand.Result.LOCK_FAILURE);
            assertThat(createdMeanwhile.getMessage()).startsWith("another push changed topic while yours ran");
            assertThat(funnyName.getMessage()).isEqualTo("funny refname");
        }
    }

    @Test
    void aNewRepositoryIsBareOnMainAndKeepsTheLogOfItsBranches() throws Exception {
        GitStorage storage = new GitStorage(data);
        storage.create("ada", "fresh");
        storage.create("ada", "fresh"); // a second time changes nothing
        try (Repository repo = new FileRepositoryBuilder().setGitDir(storage.folder("ada", "fresh").toFile()).build()) {
            assertThat(repo.isBare()).isTrue();
            assertThat(repo.getFullBranch()).isEqualTo("refs/heads/main");
            assertThat(repo.getConfig().getBoolean("core", "logallrefupdates", false)).isTrue();
        }
        assertThat(storage.summary("ada", "fresh")).isEqualTo(new GitStorage.Summary("main", null));
        assertThatThrownBy(() -> RepoVisibility.parse("secret")).isInstanceOf(RepoException.class);
    }

    private static ObjectId emptyCommit(Repository repo) throws Exception {
        try (var inserter = repo.newObjectInserter()) {
            var commit = new org.eclipse.jgit.lib.CommitBuilder();
            commit.setTreeId(inserter.insert(new org.eclipse.jgit.lib.TreeFormatter()));
            var who = new org.eclipse.jgit.lib.PersonIdent("T", "t@example.org");
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage("empty\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }
}
