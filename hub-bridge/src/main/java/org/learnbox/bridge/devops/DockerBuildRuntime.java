package org.learnbox.bridge.devops;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.docker.Confinement;
import org.learnbox.bridge.docker.ContainerLabels;
import org.learnbox.bridge.docker.ContainerStops;
import org.learnbox.bridge.docker.DockerErrors;
import org.learnbox.bridge.docker.ImagePulls;
import org.learnbox.bridge.sandbox.SandboxSpecs;
import org.learnbox.bridge.docker.SchoolTrust;

/**
 * Builds in a container of {@code learnbox/builder}: the learner's limits, the apps' network
 * (package registries yes, the box no), their Maven cache on a volume of its own, a time limit
 * and a limit on what it may write. The container goes when the build ends, whatever the end.
 */
@org.springframework.stereotype.Component
class DockerBuildRuntime implements BuildRuntime {
    /** The exit code this runtime gives a build it stopped for writing too much. */
    private static final int DISK_FULL = -2;
    /** The exit code this runtime gives a build it stopped for filling the learner's build cache. */
    private static final int CACHE_FULL = -3;
    private static final String CACHE = "/home/builder/.m2";
    private static final java.util.concurrent.Executor BESIDE = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DockerBuildRuntime.class);

    /** A failure of the engine as a build's, in English: the words go to the pushing git client and the release's record. */
    private static final DockerErrors.Failure FAILED =
            (cause, key, arguments) -> new BuildFailed(Words.english(key, arguments), cause);
    private final DockerClient docker;
    private final String box;
    private final LearnboxProperties.Git settings;
    private final String network;
    private final String image;
    private final SchoolTrust trust;
    /** Builds stopped on purpose, by their container's name: their end says who stopped them and why, not "failed". */
    private final java.util.Map<String, String> stoppedWhy = new java.util.concurrent.ConcurrentHashMap<>();

    DockerBuildRuntime(DockerClient docker, LearnboxProperties properties) {
        this(docker, properties, null);
    }

    /** With {@code trust}, builds trust the school's certificate authorities too (they reach the registries through its proxy). */
    @org.springframework.beans.factory.annotation.Autowired
    DockerBuildRuntime(DockerClient docker, LearnboxProperties properties, SchoolTrust trust) {
        this.trust = trust;
        this.docker = docker;
        this.box = properties.box();
        this.settings = properties.git();
        this.network = properties.apps().network();
        this.image = properties.image("builder");
    }

    @Override
    public byte[] build(BuildJob job, Consumer<String> out) {
        return DockerErrors.translate(() -> run(job, out), FAILED, "docker.stops.builds");
    }

    private byte[] run(BuildJob job, Consumer<String> out) {
        if (!ImagePulls.present(docker, image)) {
            throw new BuildFailed("The builder image " + image + " is missing on this box; a teacher makes it with: ./box images");
        }
        String name = box + "-build-" + job.user() + "-" + job.project();
        String watchName = name + "-cache";
        removeIfThere(name);
        removeIfThere(watchName);
        long seconds = settings.buildTimeLimit().toSeconds();
        String cache = cacheVolume(job.user());
        HostConfig host = Confinement.of(settings.buildCpus(), settings.buildMemory().toBytes(), settings.buildPids(), network)
                .withBinds(new Bind(cache, new Volume(CACHE)))
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "5m", "max-file", "2")));
        List<String> env = new java.util.ArrayList<>(List.of("BUILD_COMMAND=" + job.command()));
        SchoolTrust.Given trusted = trust == null ? null : trust.given();
        if (trusted != null) {
            host.withMounts(List.of(trusted.mount()));
            env.addAll(trusted.envLines());
        }
        String id = docker.createContainerCmd(image)
                .withName(name)
                .withLabels(ContainerLabels.of(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "build", ContainerLabels.USER, job.user())))
                .withEnv(env)
                .withCmd("sh", "-c", "exec timeout -s KILL " + seconds + " sh -c \"$BUILD_COMMAND\"")
                .withHostConfig(host)
                .exec().getId();
        java.util.concurrent.CompletableFuture<String> watch = null;
        boolean cacheFull = false; // then the cache goes with the build's container
        try {
            docker.copyArchiveToContainerCmd(id).withTarInputStream(new ByteArrayInputStream(job.sources()))
                    .withRemotePath("/").exec();
            docker.startContainerCmd(id).exec();
            // The watch starts beside the build, off its path: its first look comes a moment later.
            watch = java.util.concurrent.CompletableFuture.supplyAsync(() -> watchCache(watchName, cache), BESIDE);
            BuildLines lines = new BuildLines(out);
            try (var following = docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            lines.add(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    })) {
                int exitCode = awaitEnd(id, watch, seconds);
                cacheFull = exitCode == CACHE_FULL;
                following.awaitCompletion(5, TimeUnit.SECONDS);
                lines.end();
                String why = stoppedWhy.remove(name);
                if (why != null) throw new BuildFailed(why);
                if (exitCode == 137 && ranOutOfTime(id, seconds)) {
                    throw new BuildFailed("The build ran longer than " + inWords(settings.buildTimeLimit())
                            + ", the most this box gives one build, and was stopped.");
                }
                if (exitCode == CACHE_FULL) {
                    throw new BuildFailed("The build put more than " + settings.buildCacheLimit().toMegabytes()
                            + " MB into your build cache, the most this box keeps for one person, and was stopped."
                            + " The cache is emptied; the next build downloads what it needs again.");
                }
                if (exitCode == DISK_FULL) {
                    throw new BuildFailed("The build wrote more than " + settings.buildDiskLimit().toMegabytes()
                            + " MB, the most this box lets one build write, and was stopped.");
                }
                if (exitCode != 0) throw new BuildFailed("The build failed (exit code " + exitCode + "); its output is above.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BuildFailed("The build was interrupted.");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return kept(id, job.keep());
        } finally {
            removeIfThere(id);
            if (watch != null) {
                watch.exceptionally(failed -> {
                    log.warn("the cache of {} went unwatched in this build: {}", job.user(), failed.getMessage());
                    return null;
                }).join(); // made, or failed, before it is removed
                removeIfThere(watchName);
            }
            if (cacheFull) emptyCache(cache, job.user());
        }
    }

    @Override
    public void stop(String user, String project, String why) {
        String name = box + "-build-" + user + "-" + project;
        DockerErrors.translate(() -> {
            stoppedWhy.put(name, why);
            if (!ContainerStops.kill(docker, name)) {
                stoppedWhy.remove(name);
                throw new BuildFailed("There is no build of " + user + "/" + project + " under way.");
            }
            return null;
        }, FAILED, "docker.stops.build-stops");
    }

    /**
     * Waits for the build's end, looking every 2 s at what it wrote, in its own files and in the
     * cache; a build that writes too much is stopped.
     */
    private int awaitEnd(String id, java.util.concurrent.CompletableFuture<String> watch, long seconds)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds + 30);
        while (Instant.now().isBefore(deadline)) {
            var info = docker.inspectContainerCmd(id).withSize(true).exec();
            if (!Boolean.TRUE.equals(info.getState().getRunning())) {
                Long code = info.getState().getExitCodeLong();
                return code == null ? 1 : code.intValue();
            }
            Long written = info.getSizeRw();
            if (written != null && written > settings.buildDiskLimit().toBytes()) {
                ContainerStops.kill(docker, id);
                return DISK_FULL;
            }
            String watching = watch.getNow(null);
            if (watching != null && cacheBytes(watching) > settings.buildCacheLimit().toBytes()) {
                ContainerStops.kill(docker, id);
                return CACHE_FULL;
            }
            Thread.sleep(Duration.ofSeconds(2));
        }
        ContainerStops.kill(docker, id);
        return 137;
    }

    private static String inWords(Duration limit) {
        return limit.toSecondsPart() == 0 && limit.toMinutes() > 0 ? limit.toMinutes() + " minutes" : limit.toSeconds() + " seconds";
    }

    private boolean ranOutOfTime(String id, long seconds) {
        var state = docker.inspectContainerCmd(id).exec().getState();
        if (state.getStartedAt() == null || state.getFinishedAt() == null) return true;
        return Duration.between(Instant.parse(state.getStartedAt()), Instant.parse(state.getFinishedAt())).toSeconds() >= seconds - 1;
    }

    private byte[] kept(String id, String folder) {
        String path = folder.equals(".") ? "/build" : "/build/" + folder;
        try (InputStream tar = docker.copyArchiveFromContainerCmd(id, path).exec()) {
            byte[] content = tar.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxPushSize().toBytes() * 4 + 1));
            if (content.length > settings.maxPushSize().toBytes() * 4) {
                throw new BuildFailed("What the build made is larger than this box keeps for an app.");
            }
            return content;
        } catch (NotFoundException missing) {
            throw new BuildFailed("The build ended well but made no " + path + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A small container beside the build that measures the learner's build cache every 2 s. The
     * cache is a volume, which Docker counts in no container's size, and a build that used up its
     * processes could not be measured from inside; so the watch has its own. Root with only the
     * right to read any folder, on a read-only mount, with no network.
     */
    private String watchCache(String watchName, String volume) {
        HostConfig host = Confinement.of(0.2, 32L * 1024 * 1024, 16, "none")
                .withCapAdd(com.github.dockerjava.api.model.Capability.DAC_READ_SEARCH)
                .withBinds(new Bind(volume, new Volume("/cache"), com.github.dockerjava.api.model.AccessMode.ro));
        String id = docker.createContainerCmd(image)
                .withName(watchName)
                .withLabels(ContainerLabels.of(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "build")))
                .withUser("0")
                .withCmd("sh", "-c", "while :; do du -sk /cache; sleep 2; done")
                .withHostConfig(host)
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** The cache's size the watch printed last, in bytes; 0 before its first look. */
    private long cacheBytes(String watch) throws InterruptedException {
        StringBuilder printed = new StringBuilder();
        docker.logContainerCmd(watch).withStdOut(true).withTail(1).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                printed.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(5, TimeUnit.SECONDS);
        String kilobytes = printed.toString().strip().split("\\s+")[0];
        return kilobytes.matches("\\d+") ? Long.parseLong(kilobytes) * 1024 : 0;
    }

    private void emptyCache(String volume, String user) {
        try {
            docker.removeVolumeCmd(volume).exec();
            log.info("the build cache of {} grew past {} and was emptied", user, settings.buildCacheLimit());
        } catch (RuntimeException e) {
            log.warn("the build cache of {} could not be emptied: {}", user, e.getMessage());
        }
    }

    private void removeIfThere(String container) {
        ContainerStops.remove(docker, container);
    }

    @Override
    public void stopAll(String why) {
        DockerErrors.translate(() -> {
            docker.listContainersCmd().withLabelFilter(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "build"))
                    .exec().stream()
                    .filter(c -> c.getLabels().containsKey(ContainerLabels.USER)) // not the watches of caches
                    .forEach(c -> {
                        stoppedWhy.put(c.getNames()[0].substring(1), why);
                        ContainerStops.kill(docker, c.getId());
                    });
            return null;
        }, FAILED, "docker.stops.build-stops");
    }

    /** After a restart of the bridge: builds it was waiting for have no one to deploy them; they go. */
    @Override
    public List<String> removeUnfinished() {
        return DockerErrors.translate(() -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "build")).exec().stream()
                .map(c -> {
                    removeIfThere(c.getId());
                    return c.getNames()[0].substring(1);
                }).toList(), FAILED, "docker.stops.build-tidying");
    }

    /** The learner's build cache (Maven's repository), kept between builds so the second one is fast. */
    private String cacheVolume(String user) {
        String volume = box + "-build-cache-" + user;
        if (docker.listVolumesCmd().withFilter("name", List.of(volume)).exec().getVolumes().stream()
                .noneMatch(v -> v.getName().equals(volume))) {
            docker.createVolumeCmd().withName(volume)
                    .withLabels(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "build-cache", ContainerLabels.USER, user))
                    .exec();
        }
        return volume;
    }
}
