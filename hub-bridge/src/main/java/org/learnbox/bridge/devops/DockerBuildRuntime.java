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
import org.learnbox.bridge.sandbox.Confinement;
import org.learnbox.bridge.sandbox.DockerErrors;
import org.learnbox.bridge.sandbox.SandboxSpecs;

/**
 * Builds in a container of {@code learnbox/builder}: the learner's limits, the apps' network
 * (package registries yes, the box no), their Maven cache on a volume of its own, a time limit
 * and a limit on what it may write. The container goes when the build ends, whatever the end.
 */
@org.springframework.stereotype.Component
class DockerBuildRuntime implements BuildRuntime {
    static final String IMAGE = "learnbox/builder:latest";
    /** The exit code this runtime gives a build it stopped for writing too much. */
    private static final int DISK_FULL = -2;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DockerBuildRuntime.class);

    private final DockerClient docker;
    private final String box;
    private final LearnboxProperties.Git settings;
    private final String network;
    /** Builds an admin stopped: their end says so, not "failed". */
    private final java.util.Set<String> stoppedByAdmin = java.util.concurrent.ConcurrentHashMap.newKeySet();

    DockerBuildRuntime(DockerClient docker, LearnboxProperties properties) {
        this.docker = docker;
        this.box = properties.box();
        this.settings = properties.git();
        this.network = properties.apps().network();
    }

    @Override
    public byte[] build(BuildJob job, Consumer<String> out) {
        return DockerErrors.translate(() -> run(job, out), BuildFailed::new, "no project can be built");
    }

    private byte[] run(BuildJob job, Consumer<String> out) {
        try {
            docker.inspectImageCmd(IMAGE).exec();
        } catch (NotFoundException missing) {
            throw new BuildFailed("The builder image " + IMAGE + " is missing on this box; a teacher makes it with: ./box images");
        }
        String name = box + "-build-" + job.user() + "-" + job.project();
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException none) {
            // no build of this project was left over
        }
        long seconds = settings.buildTimeLimit().toSeconds();
        HostConfig host = Confinement.of(settings.buildCpus(), settings.buildMemory().toBytes(), settings.buildPids(), network)
                .withBinds(new Bind(cacheVolume(job.user()), new Volume("/home/builder/.m2")))
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "5m", "max-file", "2")));
        String id = docker.createContainerCmd(IMAGE)
                .withName(name)
                .withLabels(Map.of(SandboxSpecs.LABEL_BOX, box, SandboxSpecs.LABEL_ROLE, "build", SandboxSpecs.LABEL_USER, job.user()))
                .withEnv("BUILD_COMMAND=" + job.command())
                .withCmd("sh", "-c", "exec timeout -s KILL " + seconds + " sh -c \"$BUILD_COMMAND\"")
                .withHostConfig(host)
                .exec().getId();
        try {
            docker.copyArchiveToContainerCmd(id).withTarInputStream(new ByteArrayInputStream(job.sources()))
                    .withRemotePath("/").exec();
            docker.startContainerCmd(id).exec();
            BuildLines lines = new BuildLines(out);
            try (var following = docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            lines.add(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    })) {
                int exitCode = awaitEnd(id, seconds);
                following.awaitCompletion(5, TimeUnit.SECONDS);
                lines.end();
                if (stoppedByAdmin.remove(name)) throw new BuildFailed("An admin of the box stopped the build.");
                if (exitCode == 137 && ranOutOfTime(id, seconds)) {
                    throw new BuildFailed("The build ran longer than " + inWords(settings.buildTimeLimit())
                            + ", the most this box gives one build, and was stopped.");
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
            try {
                docker.removeContainerCmd(id).withForce(true).exec();
            } catch (RuntimeException gone) {
                log.debug("build container {} was gone already: {}", id, gone.getMessage());
            }
        }
    }

    @Override
    public void stop(String user, String project) {
        String name = box + "-build-" + user + "-" + project;
        DockerErrors.translate(() -> {
            try {
                stoppedByAdmin.add(name);
                docker.killContainerCmd(name).exec();
            } catch (NotFoundException | com.github.dockerjava.api.exception.ConflictException notRunning) {
                stoppedByAdmin.remove(name);
                throw new BuildFailed("There is no build of " + user + "/" + project + " under way.");
            }
            return null;
        }, BuildFailed::new, "no build can be stopped");
    }

    /** Waits for the build's end, looking every 2 s at what it wrote; a build that writes too much is stopped. */
    private int awaitEnd(String id, long seconds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds + 30);
        while (Instant.now().isBefore(deadline)) {
            var info = docker.inspectContainerCmd(id).withSize(true).exec();
            if (!Boolean.TRUE.equals(info.getState().getRunning())) {
                Long code = info.getState().getExitCodeLong();
                return code == null ? 1 : code.intValue();
            }
            Long written = info.getSizeRw();
            if (written != null && written > settings.buildDiskLimit().toBytes()) {
                docker.killContainerCmd(id).exec();
                return DISK_FULL;
            }
            Thread.sleep(Duration.ofSeconds(2));
        }
        docker.killContainerCmd(id).exec();
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

    /** The learner's build cache (Maven's repository), kept between builds so the second one is fast. */
    private String cacheVolume(String user) {
        String volume = box + "-build-cache-" + user;
        if (docker.listVolumesCmd().withFilter("name", List.of(volume)).exec().getVolumes().stream()
                .noneMatch(v -> v.getName().equals(volume))) {
            docker.createVolumeCmd().withName(volume)
                    .withLabels(Map.of(SandboxSpecs.LABEL_BOX, box, SandboxSpecs.LABEL_ROLE, "build-cache", SandboxSpecs.LABEL_USER, user))
                    .exec();
        }
        return volume;
    }
}
