package org.learnbox.bridge.app;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.docker.BridgeNetworks;
import org.learnbox.bridge.docker.Confinement;
import org.learnbox.bridge.docker.ContainerLabels;
import org.learnbox.bridge.docker.ContainerStops;
import org.learnbox.bridge.docker.DockerErrors;
import org.learnbox.bridge.docker.ImagePulls;
import org.learnbox.bridge.sandbox.SandboxSpecs;
import org.learnbox.bridge.docker.SchoolTrust;

/** Live apps as Docker containers, each from an image of its own built on its runtime's image. */
@org.springframework.stereotype.Component
public class DockerAppRuntime implements AppRuntime {
    static final String LABEL_APP = "org.learnbox.app";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DockerAppRuntime.class);
    private static final int BUILD_LINES_KEPT = 25;
    private static final String NEXT = "-next";
    private static final String OLD = "-old";

    private final DockerClient docker;
    private final String box;
    private final LearnboxProperties.Apps settings;
    private final DockerAppEnds ends;
    private final LearnboxProperties images;
    private final SchoolTrust trust;

    public DockerAppRuntime(DockerClient docker, LearnboxProperties properties) {
        this(docker, properties, null);
    }

    /** With {@code trust}, apps trust the school's certificate authorities too (an app that calls out goes through its proxy). */
    @org.springframework.beans.factory.annotation.Autowired
    public DockerAppRuntime(DockerClient docker, LearnboxProperties properties, SchoolTrust trust) {
        this.trust = trust;
        this.docker = docker;
        this.box = properties.box();
        this.settings = properties.apps();
        this.images = properties;
        this.ends = new DockerAppEnds(docker, box);
    }

    @Override
    public String build(AppSpec spec, AppManifest manifest, AppFiles files) {
        return engine(() -> {
            String runtimeImage = images.image(manifest.kind().imageName());
            if (!ImagePulls.present(docker, runtimeImage)) {
                throw new AppException("app.refused.runtime-image-missing", runtimeImage);
            }
            Deque<String> output = new ArrayDeque<>();
            Map<String, String> labels = new HashMap<>(labels(spec));
            labels.putAll(manifest.labels());
            try {
                return docker.buildImageCmd(new ByteArrayInputStream(files.buildContext(manifest.dockerfile(runtimeImage))))
                        .withTags(Set.of(image(spec.user(), spec.name(), spec.release())))
                        .withLabels(labels)
                        .withPull(false)
                        .withRemove(true)
                        .withForcerm(true)
                        .exec(new BuildImageResultCallback() {
                            @Override
                            public void onNext(BuildResponseItem item) {
                                if (item.getStream() != null) keep(output, item.getStream());
                                super.onNext(item);
                            }
                        })
                        .awaitImageId(5, TimeUnit.MINUTES);
            } catch (DockerClientException failed) {
                throw new AppException(failed, "app.refused.build-failed", String.join("", output).strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void keep(Deque<String> output, String line) {
        if (line.startsWith("Step ") || line.startsWith(" ---> ")) return;
        output.addLast(line);
        while (output.size() > BUILD_LINES_KEPT) output.removeFirst();
    }

    @Override
    public AppInstance start(AppSpec spec) {
        return engine(() -> {
            containerOf(spec.user(), spec.name()).ifPresent(old -> ContainerStops.remove(docker, old.getId()));
            return run(spec, containerName(spec.user(), spec.name()));
        });
    }

    @Override
    public AppInstance startNext(AppSpec spec) {
        return engine(() -> {
            named(containerName(spec.user(), spec.name()) + NEXT).ifPresent(stale -> ContainerStops.remove(docker, stale.getId()));
            return run(spec, containerName(spec.user(), spec.name()) + NEXT);
        });
    }

    @Override
    public Optional<String> promoteNext(String user, String name) {
        return engine(() -> {
            String current = containerName(user, name);
            Container next = named(current + NEXT)
                    .orElseThrow(() -> new AppException("app.refused.release-gone", name));
            named(current + OLD).ifPresent(stale -> ContainerStops.remove(docker, stale.getId()));
            Optional<Container> replaced = named(current);
            replaced.ifPresent(old -> docker.renameContainerCmd(old.getId()).withName(current + OLD).exec());
            docker.renameContainerCmd(next.getId()).withName(current).exec();
            return replaced.map(Container::getId);
        });
    }

    @Override
    public List<String> removeUnfinishedSwitches() {
        return engine(() -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "app")).exec().stream()
                .filter(c -> {
                    String own = containerName(c.getLabels().get(ContainerLabels.USER), c.getLabels().get(LABEL_APP));
                    return hasName(c, own + NEXT) || hasName(c, own + OLD);
                })
                .map(c -> {
                    ContainerStops.remove(docker, c.getId());
                    return c.getNames()[0].substring(1);
                })
                .toList());
    }

    @Override
    public void discard(String containerId) {
        engine(() -> {
            ContainerStops.remove(docker, containerId);
            return null;
        });
    }

    @Override
    public void removeRelease(String user, String name, String release) {
        String image = image(user, name, release);
        engine(() -> {
            try {
                docker.removeImageCmd(image).withForce(true).exec();
            } catch (NotFoundException alreadyGone) {
                log.debug("image {} was already gone", image);
            }
            return null;
        });
    }

    @Override
    public boolean hasRelease(String user, String name, String release) {
        return engine(() -> {
            try {
                docker.inspectImageCmd(image(user, name, release)).exec();
                return true;
            } catch (NotFoundException missing) {
                return false;
            }
        });
    }

    private AppInstance run(AppSpec spec, String containerName) {
        ensureNetwork();
        HostConfig host = Confinement.of(spec.cpus(), spec.memoryBytes(), spec.pids(), settings.network())
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=16m"))
                // An app that prints forever fills two small files, not the box's disk.
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "1m", "max-file", "2")));
        SchoolTrust.Given trusted = trust == null ? null : trust.given();
        if (trusted != null) host.withMounts(java.util.List.of(trusted.mount()));
        String id = docker.createContainerCmd(image(spec.user(), spec.name(), spec.release()))
                .withName(containerName)
                .withLabels(ContainerLabels.of(labels(spec)))
                .withEnv(trusted == null ? java.util.List.of() : trusted.envLines())
                .withHostConfig(host)
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return instance(docker.inspectContainerCmd(id).exec());
    }

    @Override
    public void restartWhenCrashed(String user, String name) {
        engine(() -> {
            containerOf(user, name).ifPresent(c -> docker.updateContainerCmd(c.getId())
                    .withRestartPolicy(RestartPolicy.onFailureRestart(AppRuntime.RESTARTS)).exec());
            return null;
        });
    }

    @Override
    public AppInstance resume(String user, String name) {
        return engine(() -> {
            Container container = containerOf(user, name)
                    .orElseThrow(() -> new AppException("app.refused.no-container", name));
            if (!"running".equals(container.getState())) docker.startContainerCmd(container.getId()).exec();
            return instance(docker.inspectContainerCmd(container.getId()).exec());
        });
    }

    @Override
    public void stop(String user, String name) {
        engine(() -> {
            containerOf(user, name).ifPresent(c -> ContainerStops.stop(docker, c.getId(), 2));
            return null;
        });
    }

    @Override
    public void remove(String user, String name) {
        engine(() -> {
            containerOf(user, name).ifPresent(c -> ContainerStops.remove(docker, c.getId()));
            docker.listImagesCmd().withLabelFilter(Map.of(ContainerLabels.BOX, box, ContainerLabels.USER, user,
                    LABEL_APP, name)).exec().forEach(image -> {
                try {
                    docker.removeImageCmd(image.getId()).withForce(true).exec();
                } catch (NotFoundException alreadyGone) {
                    log.debug("image {} was already gone", image.getId());
                }
            });
            return null;
        });
    }

    @Override
    public Optional<AppInstance> find(String user, String name) {
        return engine(() -> containerOf(user, name).map(c -> instance(docker.inspectContainerCmd(c.getId()).exec())));
    }

    @Override
    public List<AppInstance> list() {
        return engine(() -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "app")).exec().stream()
                .filter(c -> hasName(c, containerName(c.getLabels().get(ContainerLabels.USER), c.getLabels().get(LABEL_APP))))
                .map(c -> instance(docker.inspectContainerCmd(c.getId()).exec()))
                .toList());
    }

    @Override
    public String logs(String user, String name, int lines) {
        return engine(() -> containerOf(user, name).map(c -> instanceLogs(c.getId(), lines)).orElse(""));
    }

    @Override
    public Optional<AppInstance> inspect(String containerId) {
        return engine(() -> {
            try {
                return Optional.of(instance(docker.inspectContainerCmd(containerId).exec()));
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String instanceLogs(String containerId, int lines) {
        return engine(() -> {
            StringBuilder text = new StringBuilder();
            try (var frames = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                    .withTail(lines).exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    })) {
                frames.awaitCompletion(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return text.toString();
        });
    }

    @Override
    public Closeable followLogs(String user, String name, int lastLines, Consumer<String> out, Runnable ended) {
        return engine(() -> {
            Container container = containerOf(user, name)
                    .orElseThrow(() -> new AppNotFoundException("app.refused.no-such", user, name));
            return docker.logContainerCmd(container.getId()).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .withTail(lastLines).exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            out.accept(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }

                        @Override
                        public void onComplete() {
                            super.onComplete();
                            ended.run();
                        }
                    });
        });
    }

    @Override
    public long memoryUsed(String user, String name) {
        return engine(() -> {
            Optional<Container> container = containerOf(user, name).filter(c -> "running".equals(c.getState()));
            if (container.isEmpty()) return 0L;
            AtomicLong used = new AtomicLong();
            try (var stats = docker.statsCmd(container.get().getId()).withNoStream(true)
                    .exec(new ResultCallback.Adapter<Statistics>() {
                        @Override
                        public void onNext(Statistics sample) {
                            MemoryStatsConfig memory = sample.getMemoryStats();
                            if (memory != null && memory.getUsage() != null) {
                                // As `docker stats` counts it: without the page cache the kernel may drop.
                                long cache = memory.getStats() == null || memory.getStats().getInactiveFile() == null
                                        ? 0 : memory.getStats().getInactiveFile();
                                used.set(memory.getUsage() - cache);
                            }
                        }
                    })) {
                stats.awaitCompletion(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return used.get();
        });
    }

    /** The container visitors reach: the app's own name (a release starting beside it is named "-next"). */
    private Optional<Container> containerOf(String user, String name) {
        return named(containerName(user, name));
    }

    private Optional<Container> named(String containerName) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "app"))
                .withNameFilter(List.of(containerName))
                .exec().stream().filter(c -> hasName(c, containerName)).findFirst();
    }

    private static boolean hasName(Container container, String name) {
        return container.getNames() != null && java.util.Arrays.asList(container.getNames()).contains("/" + name);
    }

    /** The app's container as visitors reach it, BOX-app-USER-NAME. */
    String containerName(String user, String name) {
        return box + "-app-" + user + "-" + name;
    }

    /** The image of one release of the app: learnbox-app/BOX-USER-NAME:RELEASE. */
    private String image(String user, String name, String release) {
        return "learnbox-app/" + box + "-" + user + "-" + name + ":" + release;
    }

    /** What the app's images and containers carry: the box's, the app's and its port. */
    private Map<String, String> labels(AppSpec spec) {
        return Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "app", ContainerLabels.USER, spec.user(), LABEL_APP, spec.name(),
                "org.learnbox.app.port", String.valueOf(spec.port()));
    }

    private AppInstance instance(InspectContainerResponse info) {
        Map<String, String> labels = info.getConfig().getLabels();
        String ip = info.getNetworkSettings().getNetworks().values().stream()
                .map(ContainerNetwork::getIpAddress).filter(a -> a != null && !a.isBlank()).findFirst().orElse("");
        var state = info.getState();
        return new AppInstance(labels.get(ContainerLabels.USER), labels.get(LABEL_APP), info.getId(),
                Boolean.TRUE.equals(state.getRunning()), Boolean.TRUE.equals(state.getRestarting()),
                info.getRestartCount() == null ? 0 : info.getRestartCount(),
                Boolean.TRUE.equals(state.getOOMKilled()) || ends.outOfMemory(info.getId()), ip, Integer.parseInt(labels.getOrDefault("org.learnbox.app.port", "8080")),
                state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue(),
                instant(state.getStartedAt()), instant(state.getFinishedAt()));
    }

    private static Instant instant(String stamp) {
        return stamp == null || stamp.startsWith("0001-") ? null : Instant.parse(stamp);
    }

    @Override
    public void prepare() {
        engine(() -> {
            ensureNetwork();
            return null;
        });
    }

    /** The apps' network: no traffic between apps; ./box up keeps the host's own services out of reach of it. */
    private void ensureNetwork() {
        BridgeNetworks.ensure(docker, settings.network(), Map.of("com.docker.network.bridge.enable_icc", "false",
                        "com.docker.network.bridge.name", bridgeInterface()),
                Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "app-network"));
    }

    /** The host's name for the apps' bridge (at most 15 characters), which the box's firewall rule names. */
    String bridgeInterface() {
        String name = "lbapp-" + box;
        return name.length() <= 15 ? name : name.substring(0, 15);
    }

    private <T> T engine(Supplier<T> call) {
        return DockerErrors.translate(call, AppException::new, "docker.stops.apps");
    }
}
