package org.learnbox.bridge.devops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.learnbox.bridge.app.AppException;
import org.learnbox.bridge.app.AppFiles;
import org.learnbox.bridge.app.AppKind;
import org.learnbox.bridge.app.AppManifest;
import org.learnbox.bridge.app.AppService;
import org.learnbox.bridge.app.AppView;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.StateOnDisk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A push to the deploy branch becomes a release: the project's files are read from the commit,
 * built in the builder when the project asks for a build, made an app image, and started beside
 * the running release, which visitors reach until the new one answers. A release that fails in any
 * step leaves the running one serving. Releases of one project go one at a time; a push that finds
 * a newer one waiting gives way to it. The images of the last good releases stay, for rollback.
 */
@Service
public class Deployments {
    private static final Logger log = LoggerFactory.getLogger(Deployments.class);
    static final String MAVEN_BUILD = "mvn -B -q package";
    private static final int MAX_LOG = 64 * 1024;

    private final ReleaseRepository releases;
    private final BuildRuntime builder;
    private final AppService apps;
    private final LearnboxProperties.Git settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final GitStorage storage;
    private final StateOnDisk stateOnDisk;
    private final ProjectLocks projectLocks = new ProjectLocks();

    Deployments(ReleaseRepository releases, BuildRuntime builder, AppService apps, LearnboxProperties properties, Clock clock,
            MeterRegistry meters, GitStorage storage, StateOnDisk stateOnDisk) {
        this.meters = meters;
        this.stateOnDisk = stateOnDisk;
        Gauge.builder("learnbox.builds.under.way", releases, r -> r.countByState(Release.State.BUILDING))
                .description("Pushes being built or deployed now").register(meters);
        this.storage = storage;
        this.releases = releases;
        this.builder = builder;
        this.apps = apps;
        this.settings = properties.git();
        this.clock = clock;
    }

    /** Builds and deploys the commit; {@code out} hears each step and each line of the build as it happens. */
    public Release deploy(String owner, String project, ObjectId commit, Repository repository, Consumer<String> out) {
        ReentrantLock lock = projectLocks.of(owner, project);
        if (lock.isLocked()) out.accept("another push of " + project + " is deploying; this one waits for it");
        lock.lock();
        try {
            ObjectId head = repository.resolve("refs/heads/" + settings.deployBranch());
            if (head != null && !head.equals(commit)) {
                out.accept("a newer push of " + settings.deployBranch() + " came meanwhile: it deploys, this one does not");
                return null;
            }
            return release(owner, project, commit, repository, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    private Release release(String owner, String project, ObjectId commit, Repository repository, Consumer<String> out) {
        int number = releases.findFirstByOwnerAndProjectOrderByNumberDesc(owner, project).map(Release::getNumber).orElse(0) + 1;
        Release release = releases.save(new Release(owner, project, number, commit.name(), clock.instant()));
        // Known to a restart before anything is built or started for it (UnfinishedDeploys fails it then).
        stateOnDisk.now();
        StringBuilder logged = new StringBuilder();
        Consumer<String> told = line -> {
            out.accept(line);
            if (logged.length() < MAX_LOG) logged.append(line).append('\n');
        };
        told.accept("release " + number + " of " + project + ", commit " + commit.abbreviate(7).name());
        String app = null;
        Integer port = null;
        try {
            AppFiles files = ProjectTree.files(repository, commit, settings.maxPushSize().toBytes());
            AppManifest manifest = plan(project, files);
            app = manifest.name();
            port = manifest.port();
            AppFiles built = build(owner, project, commit, repository, manifest, files, told);
            AppManifest running = built == files ? manifest : forBuilt(manifest);
            AppView view = apps.deployRelease(owner, running, built, release.tag(), told);
            told.accept(app + " is live at " + view.url());
            finish(release, Release.State.LIVE, app, port, logged);
            keepTheLastGoodOnes(owner, app);
        } catch (AppException | RepoException | BuildRuntime.BuildFailed refused) {
            told.accept("release " + number + " failed: " + refused.getMessage());
            told.accept(runningNote(owner, app));
            finish(release, Release.State.FAILED, app, port, logged);
        } catch (RuntimeException unexpected) {
            log.warn("release {} of {}/{} failed", number, owner, project, unexpected);
            told.accept("release " + number + " failed: the box could not finish it (" + unexpected.getMessage() + ").");
            told.accept(runningNote(owner, app));
            finish(release, Release.State.FAILED, app, port, logged);
        }
        return release;
    }

    /**
     * What the project is and how it is built: its learnbox.yaml; else a Maven project (pom.xml:
     * {@value #MAVEN_BUILD}, the jar runs); else what its files say (Python, static, a notebook).
     */
    static AppManifest plan(String project, AppFiles files) {
        if (!files.has("learnbox.yaml") && files.has("pom.xml")) {
            return new AppManifest(project, AppKind.JAVA, "java -jar app.jar", 8080, MAVEN_BUILD, Map.of());
        }
        return AppManifest.of(files, project);
    }

    /** A Maven project runs its jar; a project with another build runs the command its manifest gives on what it built. */
    private static AppManifest forBuilt(AppManifest manifest) {
        return MAVEN_BUILD.equals(manifest.build()) ? manifest.runningAs(AppKind.JAVA, "java -jar app.jar") : manifest;
    }

    private AppFiles build(String owner, String project, ObjectId commit, Repository repository, AppManifest manifest,
            AppFiles files, Consumer<String> told) {
        if (manifest.build() == null) return files;
        apps.prepare();
        boolean maven = MAVEN_BUILD.equals(manifest.build());
        told.accept("building: " + manifest.build());
        long started = System.nanoTime();
        String outcome = "failure";
        byte[] made;
        try {
            made = builder.build(new BuildRuntime.BuildJob(owner, project, ProjectTree.tar(repository, commit),
                    manifest.build(), maven ? "target" : "."), told);
            outcome = "success";
        } finally {
            Timer.builder("learnbox.build.duration").description("Time a build in a builder container took, ended well or not")
                    .tag("outcome", outcome).register(meters).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        told.accept("the build ended well");
        return maven ? theJar(made) : BuiltFiles.all(made, settings.maxPushSize().toBytes());
    }

    /** The jar Maven made: the largest in target/, not a sources or javadoc jar. */
    private AppFiles theJar(byte[] targetTar) {
        byte[] jar = BuiltFiles.largestJar(targetTar);
        if (jar == null) throw new BuildRuntime.BuildFailed("The build made no jar in target/; a Maven app must package a jar.");
        AppFiles files = new AppFiles(settings.maxPushSize().toBytes() * 4);
        files.add("app.jar", jar);
        return files;
    }

    private void finish(Release release, Release.State state, String app, Integer port, StringBuilder logged) {
        release.finish(state, app, port, logged.toString(), clock.instant());
        Timer.builder("learnbox.deploy.duration").description("Time a push took to build and go live, or fail")
                .tag("state", state.name().toLowerCase(java.util.Locale.ROOT)).register(meters)
                .record(java.time.Duration.between(release.getCreatedAt(), clock.instant()));
        if (state == Release.State.LIVE && app != null) {
            releases.findByOwnerAndAppOrderByNumberDesc(release.getOwner(), app).stream()
                    .filter(other -> other.getState() == Release.State.LIVE && !other.getId().equals(release.getId()))
                    .forEach(other -> {
                        other.become(Release.State.KEPT);
                        releases.save(other);
                    });
        }
        releases.save(release);
    }

    private String runningNote(String owner, String app) {
        return app == null ? "nothing else changed"
                : releases.findFirstByOwnerAndAppAndStateOrderByNumberDesc(owner, app, Release.State.LIVE)
                        .map(live -> "release " + live.getNumber() + " goes on serving")
                        .orElse("nothing was deployed");
    }

    /** Images of good releases beyond the last few go; their rows stay, as the history. */
    private void keepTheLastGoodOnes(String owner, String app) {
        List<Release> good = releases.findByOwnerAndAppOrderByNumberDesc(owner, app).stream()
                .filter(r -> r.getState() == Release.State.LIVE || r.getState() == Release.State.KEPT).toList();
        good.subList(Math.min(good.size(), settings.releasesKept()), good.size()).forEach(old -> {
            apps.removeRelease(owner, app, old.tag());
            old.become(Release.State.PRUNED);
            releases.save(old);
        });
    }

    /** Goes back to an earlier good release (the one before the live one, when none is named). */
    public Release rollBack(String owner, String app, Integer number, Consumer<String> out) {
        ReentrantLock lock = projectLocks.of(owner, releaseProject(owner, app));
        lock.lock();
        try {
            List<Release> history = releases.findByOwnerAndAppOrderByNumberDesc(owner, app);
            Release live = history.stream().filter(r -> r.getState() == Release.State.LIVE).findFirst().orElse(null);
            Release target = number != null
                    ? history.stream().filter(r -> r.getNumber() == number).findFirst()
                            .orElseThrow(() -> new ReleaseNotFoundException(app, number))
                    : history.stream().filter(r -> r.getState() == Release.State.KEPT).findFirst()
                            .orElseThrow(() -> new RepoException("release.refused.no-earlier", app));
            if (target.getState() != Release.State.KEPT && target.getState() != Release.State.LIVE) {
                throw target.getState() == Release.State.FAILED
                        ? new RepoException("release.refused.failed", target.getNumber(), app)
                        : new RepoException("release.refused.pruned", target.getNumber(), app, settings.releasesKept());
            }
            if (target == live) throw new RepoException("release.refused.live-already", target.getNumber(), app);
            if (apps.hasRelease(owner, app, target.tag())) {
                apps.rollBack(owner, app, target.getPort(), target.tag(), out);
            } else {
                buildAgain(owner, target, out);
            }
            if (live != null) {
                live.become(Release.State.KEPT);
                releases.save(live);
            }
            target.become(Release.State.LIVE);
            return releases.save(target);
        } finally {
            lock.unlock();
        }
    }

    /** A kept release whose image is gone (a restored box holds the repositories, not the images) is built again from its commit. */
    private void buildAgain(String owner, Release target, Consumer<String> out) {
        String project = target.getProject();
        out.accept("the image of release " + target.getNumber() + " is not on this box: it is built again from commit "
                + target.getShortCommit());
        RepoException commitGone = new RepoException("release.refused.commit-gone", target.getNumber(), target.getApp(),
                target.getShortCommit());
        if (!storage.exists(owner, project)) throw commitGone;
        try (Repository repository = storage.open(owner, project)) {
            ObjectId commit = ObjectId.fromString(target.getCommitId());
            if (!repository.getObjectDatabase().has(commit)) throw commitGone;
            AppFiles files = ProjectTree.files(repository, commit, settings.maxPushSize().toBytes());
            AppManifest manifest = plan(project, files);
            AppFiles built = build(owner, project, commit, repository, manifest, files, out);
            apps.deployRelease(owner, built == files ? manifest : forBuilt(manifest), built, target.tag(), out);
        } catch (BuildRuntime.BuildFailed failed) {
            throw new RepoException("release.refused.build-again-failed", target.getNumber(), target.getApp(), failed.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String releaseProject(String owner, String app) {
        return releases.findByOwnerAndAppOrderByNumberDesc(owner, app).stream().findFirst().map(Release::getProject).orElse(app);
    }

    /** The builds under way, of these owners' projects (every owner's when null). */
    public List<Release> building(java.util.Collection<String> owners) {
        return releases.findByState(Release.State.BUILDING).stream()
                .filter(r -> owners == null || owners.contains(r.getOwner())).toList();
    }

    /**
     * Everything deployed from the project goes, for the deletion of its repository: a build under
     * way is stopped, its live app unpublished, its releases' images removed and their records
     * deleted. Answers the apps taken down.
     */
    public List<String> forget(String owner, String project) {
        ReentrantLock lock = projectLocks.of(owner, project);
        if (lock.isLocked()) stopQuietly(owner, project);
        lock.lock();
        try {
            List<Release> history = releases.findByOwnerAndProjectOrderByNumberDesc(owner, project);
            List<String> takenDown = history.stream().filter(r -> r.getState() == Release.State.LIVE)
                    .map(Release::getApp).distinct().filter(app -> apps.unpublishIfThere(owner, app)).toList();
            history.stream().filter(r -> r.getApp() != null
                            && (r.getState() == Release.State.LIVE || r.getState() == Release.State.KEPT))
                    .forEach(r -> apps.removeRelease(owner, r.getApp(), r.tag()));
            releases.deleteAll(history);
            return takenDown;
        } finally {
            lock.unlock();
        }
    }

    private void stopQuietly(String owner, String project) {
        try {
            builder.stop(owner, project, "The repository " + project + " was deleted while it was being built.");
        } catch (BuildRuntime.BuildFailed noBuild) {
            log.debug("no build of {}/{} to stop: {}", owner, project, noBuild.getMessage());
        }
    }

    public void stopBuild(String owner, String project) {
        builder.stop(owner, project, "An admin of the box stopped the build.");
    }

    public List<Release> releasesOf(String owner, String project) {
        return releases.findByOwnerAndProjectOrderByNumberDesc(owner, project);
    }
}
