package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.learnbox.bridge.app.AppFiles;
import org.learnbox.bridge.app.AppService;
import org.learnbox.bridge.app.AppView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Releases of one project go one at a time, and a push that finds a newer one on the deploy
 * branch gives way to it. The database is real; the apps and the builder stand in.
 */
@SpringBootTest
@ActiveProfiles("test")
class DeploymentsTest {
    /** Each push its own thread, as each git client has its own request. */
    private static final java.util.concurrent.Executor PUSHES = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    @Autowired Deployments deployments;
    @Autowired UnfinishedDeploys unfinished;
    @Autowired ReleaseRepository releases;
    @MockitoBean AppService apps;
    @MockitoBean BuildRuntime builder;
    @Autowired GitStorage storage;

    /** A project with app.py committed on main; each call to commit adds a version. */
    private static Git project() throws Exception {
        return Git.init().setDirectory(Files.createTempDirectory("deploy-test").toFile()).setInitialBranch("main").call();
    }

    private static RevCommit commit(Git git, String version) throws Exception {
        Path root = git.getRepository().getWorkTree().toPath();
        Files.writeString(root.resolve("app.py"), "print(" + version + ")\n");
        git.add().addFilepattern("app.py").call();
        return git.commit().setMessage("version " + version).setAuthor("Ada", "ada@example.org")
                .setCommitter("Ada", "ada@example.org").call();
    }

    private static AppView live(String name) {
        return new AppView(name, "dep-ada", "http://" + name + "--dep-ada.apps.localhost:8001/", "running", "", "");
    }

    @Test
    void aPushThatFindsANewerOneOnMainGivesWayToIt() throws Exception {
        Git git = project();
        Repository repository = git.getRepository();
        RevCommit first = commit(git, "1");
        commit(git, "2");

        List<String> told = new CopyOnWriteArrayList<>();
        assertThat(deployments.deploy("dep-ada", "older", first, repository, told::add)).isNull();
        assertThat(told).containsExactly("a newer push of main came meanwhile: it deploys, this one does not");
        verify(apps, never()).deployRelease(anyString(), any(), any(), anyString(), any());
    }

    @Test
    void pushesOfOneProjectAreDeployedOneAtATimeInTheOrderTheyCame() throws Exception {
        Git git = project();
        Repository repository = git.getRepository();
        RevCommit first = commit(git, "1");

        CountDownLatch firstIsDeploying = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        when(apps.deployRelease(eq("dep-ada"), any(), any(), eq("r1"), any())).thenAnswer(call -> {
            firstIsDeploying.countDown();
            letFirstFinish.await(10, TimeUnit.SECONDS);
            return live("queued");
        });
        when(apps.deployRelease(eq("dep-ada"), any(), any(), eq("r2"), any())).thenReturn(live("queued"));

        List<String> firstTold = new CopyOnWriteArrayList<>();
        CompletableFuture<Release> one = CompletableFuture.supplyAsync(
                () -> deployments.deploy("dep-ada", "queued", first, repository, firstTold::add), PUSHES);
        assertThat(firstIsDeploying.await(10, TimeUnit.SECONDS)).isTrue();

        RevCommit second = commit(git, "2");
        List<String> secondTold = new CopyOnWriteArrayList<>();
        CompletableFuture<Release> two = CompletableFuture.supplyAsync(
                () -> deployments.deploy("dep-ada", "queued", second, repository, secondTold::add), PUSHES);
        Thread.sleep(300);
        assertThat(two).as("waits for the first").isNotDone();
        assertThat(secondTold).containsExactly("another push of queued is deploying; this one waits for it");

        letFirstFinish.countDown();
        assertThat(one.get(10, TimeUnit.SECONDS).getNumber()).isEqualTo(1);
        Release later = two.get(10, TimeUnit.SECONDS);
        assertThat(later.getNumber()).isEqualTo(2);
        assertThat(later.getCommitId()).isEqualTo(second.name());
        assertThat(later.getState()).isEqualTo(Release.State.LIVE);
        assertThat(deployments.releasesOf("dep-ada", "queued")).extracting(Release::getState)
                .containsExactly(Release.State.LIVE, Release.State.KEPT);
        assertThat(firstTold).contains("queued is live at http://queued--dep-ada.apps.localhost:8001/");
    }

    @Test
    void aReleaseARestartLeftMidwayIsFailedWithTheReasonAndWhatItLeftIsRemoved() {
        Release midway = releases.save(new Release("dep-ada", "midway", 1, "0123456789abcdef0123456789abcdef01234567",
                java.time.Instant.now()));
        when(builder.removeUnfinished()).thenReturn(List.of("box-build-dep-ada-midway"));
        unfinished.start();
        verify(builder, org.mockito.Mockito.atLeastOnce()).removeUnfinished();
        verify(apps, org.mockito.Mockito.atLeastOnce()).removeUnfinishedSwitches();
        Release after = releases.findById(midway.getId()).orElseThrow();
        assertThat(after.getState()).isEqualTo(Release.State.FAILED);
        assertThat(after.getBuildLog()).endsWith(UnfinishedDeploys.WHY + "\n");
    }

    @Test
    void aRollBackToAReleaseWhoseImageIsGoneBuildsItAgainFromItsCommit() throws Exception {
        Git git = project();
        when(apps.deployRelease(eq("dep-ada"), any(), any(), anyString(), any())).thenReturn(live("restored"));
        RevCommit first = commit(git, "1");
        try (Repository kept = storage.open("dep-ada", "restored")) {
            String remote = kept.getDirectory().toURI().toString();
            git.push().setRemote(remote).add("main").call();
            deployments.deploy("dep-ada", "restored", first, kept, step -> {});
            RevCommit second = commit(git, "2");
            git.push().setRemote(remote).add("main").call();
            deployments.deploy("dep-ada", "restored", second, kept, step -> {});
        }
        // A box restored from a backup has the repositories and the releases' rows, not their images.
        when(apps.hasRelease("dep-ada", "restored", "r1")).thenReturn(false);

        List<String> told = new CopyOnWriteArrayList<>();
        Release back = deployments.rollBack("dep-ada", "restored", 1, told::add);

        assertThat(back.getNumber()).isEqualTo(1);
        assertThat(back.getState()).isEqualTo(Release.State.LIVE);
        assertThat(deployments.releasesOf("dep-ada", "restored")).extracting(Release::getState)
                .containsExactly(Release.State.KEPT, Release.State.LIVE);
        ArgumentCaptor<AppFiles> files = ArgumentCaptor.forClass(AppFiles.class);
        verify(apps, times(2)).deployRelease(eq("dep-ada"), any(), files.capture(), eq("r1"), any());
        assertThat(files.getValue().text("app.py")).isEqualTo("print(1)\n");
        verify(apps, never()).rollBack(anyString(), anyString(), org.mockito.ArgumentMatchers.anyInt(), anyString(), any());
        assertThat(told).first().isEqualTo("the image of release 1 is not on this box: it is built again from commit "
                + first.abbreviate(7).name());
    }

    @Test
    void aRollBackToAReleaseWhoseImageAndCommitAreGoneIsRefusedInWords() {
        Release gone = new Release("dep-ada", "vanished", 1, "0123456789abcdef0123456789abcdef01234567", java.time.Instant.now());
        gone.finish(Release.State.KEPT, "vanished", 8000, "", java.time.Instant.now());
        releases.save(gone);
        when(apps.hasRelease("dep-ada", "vanished", "r1")).thenReturn(false);

        assertThatThrownBy(() -> deployments.rollBack("dep-ada", "vanished", 1, step -> {}))
                .isInstanceOf(RepoException.class)
                .hasMessage("Release 1 of vanished cannot come back: its image is not on this box and its commit 0123456"
                        + " is no longer in the repository to build it from.");
        verify(apps, never()).deployRelease(eq("dep-ada"), any(), any(), eq("r1"), any());
    }
}
