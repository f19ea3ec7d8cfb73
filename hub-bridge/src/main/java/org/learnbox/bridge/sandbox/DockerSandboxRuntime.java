package org.learnbox.bridge.sandbox;

import static org.learnbox.bridge.sandbox.SandboxSpecs.LABEL_BOX;
import static org.learnbox.bridge.sandbox.SandboxSpecs.LABEL_ROLE;
import static org.learnbox.bridge.sandbox.SandboxSpecs.LABEL_USER;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.learnbox.bridge.config.LearnboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sandboxes as Docker containers, one per learner, each with its home on a volume of its own. */
@org.springframework.stereotype.Component
public class DockerSandboxRuntime implements SandboxRuntime {
    private static final Logger log = LoggerFactory.getLogger(DockerSandboxRuntime.class);

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final DockerClient docker;
    private final String box;
    private final SchoolTrust trust;
    private final HomeReads homes;

    public DockerSandboxRuntime(DockerClient docker, LearnboxProperties properties) {
        this(docker, properties, null);
    }

    /** With {@code trust}, sandboxes trust the school's certificate authorities too. */
    @org.springframework.beans.factory.annotation.Autowired
    public DockerSandboxRuntime(DockerClient docker, LearnboxProperties properties, SchoolTrust trust) {
        this.docker = docker;
        this.box = properties.box();
        this.trust = trust;
        this.homes = new HomeReads(docker, box, properties.sandbox() == null ? properties.image("sandbox") : properties.sandbox().image());
    }

    @Override
    public boolean startAhead(SandboxSpec spec, Consumer<SpawnEvent> progress) {
        return DockerErrors.translate(() -> {
            if (!containers(spec.user()).isEmpty()) return false;
            requireImage(spec.image());
            progress.accept(SpawnEvent.step(20, "Sandbox image " + spec.image() + " is ready"));
            ensureNetwork(spec.network());
            ensureVolume(spec);
            Map<String, String> env = new HashMap<>(spec.env());
            env.put(SandboxSpecs.HUB_ENV_FILE_VARIABLE, SandboxSpecs.HUB_ENV_FILE);
            String id = create(spec, env);
            progress.accept(SpawnEvent.step(50, "Container created"));
            try {
                docker.startContainerCmd(id).exec();
            } catch (RuntimeException failure) {
                removeContainer(id);
                throw failure;
            }
            progress.accept(SpawnEvent.step(75, "Container started"));
            return true;
        });
    }

    @Override
    public Sandbox start(SandboxSpec spec, Consumer<SpawnEvent> progress) {
        return DockerErrors.translate(() -> {
            Optional<Sandbox> existing = find(spec.user());
            if (existing.isPresent() && existing.get().running()) {
                if (awaitsTheHub(existing.get().id())) {
                    handOver(existing.get().id(), spec.env());
                    progress.accept(SpawnEvent.step(85, "Waiting for JupyterLab to answer"));
                } else {
                    progress.accept(SpawnEvent.step(90, "Your sandbox is already running"));
                }
                return existing.get();
            }
            if (existing.isPresent()) containers(spec.user()).forEach(this::removeContainer); // ended, or asleep and not woken
            requireImage(spec.image());
            progress.accept(SpawnEvent.step(20, "Sandbox image " + spec.image() + " is ready"));
            ensureNetwork(spec.network());
            ensureVolume(spec);
            String id = create(spec, spec.env());
            progress.accept(SpawnEvent.step(50, "Container created"));
            try {
                docker.startContainerCmd(id).exec();
                progress.accept(SpawnEvent.step(75, "Container started"));
                Sandbox sandbox = describe(docker.inspectContainerCmd(id).exec(), spec.port());
                if (sandbox.url() == null) {
                    throw new SandboxException("sandbox.refused.no-address", spec.network());
                }
                progress.accept(SpawnEvent.step(85, "Waiting for JupyterLab to answer"));
                return sandbox;
            } catch (RuntimeException failure) {
                removeContainer(id);
                throw failure;
            }
        });
    }

    @Override
    public Optional<Sandbox> find(String user) {
        return DockerErrors.translate(() -> containers(user).stream().findFirst().map(c -> inspect(c.getId())));
    }

    @Override
    public void sleep(String user) {
        DockerErrors.translate(() -> {
            containers(user).stream().filter(c -> "running".equals(c.getState()))
                    .forEach(c -> docker.pauseContainerCmd(c.getId()).exec());
            return null;
        });
    }

    @Override
    public Optional<Woken> wake(SandboxSpec spec) {
        return DockerErrors.translate(() -> {
            Optional<Container> found = containers(spec.user()).stream().findFirst();
            if (found.isEmpty()) return Optional.empty();
            Container container = found.get();
            boolean paused = "paused".equals(container.getState());
            boolean sameImage = ImagePulls.present(docker, spec.image())
                    && docker.inspectImageCmd(spec.image()).exec().getId().equals(container.getImageId());
            if (!sameImage || !(paused || "running".equals(container.getState()))) {
                removeContainer(container);
                return Optional.empty();
            }
            if (paused) docker.unpauseContainerCmd(container.getId()).exec();
            return Optional.of(new Woken(inspect(container.getId()), paused));
        });
    }

    @Override
    public java.util.Set<String> runningUsers() {
        return DockerErrors.translate(() -> containers(null).stream().filter(c -> "running".equals(c.getState()))
                .map(c -> c.getLabels().get(SandboxSpecs.LABEL_USER)).collect(java.util.stream.Collectors.toSet()));
    }

    @Override
    public List<Sandbox> list() {
        return DockerErrors.translate(() -> containers(null).stream().map(c -> inspect(c.getId())).toList());
    }

    @Override
    public java.io.InputStream copyFolder(String user, String pathInHome) {
        return DockerErrors.translate(() -> homes.copy(user, pathInHome));
    }

    @Override
    public HomeListing findInHome(String user, String suffix, int most) {
        return DockerErrors.translate(() -> homes.find(user, suffix, most));
    }

    @Override
    public void copyInto(String user, String pathInHome, java.util.Map<String, String> files) {
        DockerErrors.translate(() -> {
            Sandbox sandbox = find(user).filter(Sandbox::running)
                    .orElseThrow(() -> new SandboxException("sandbox.refused.not-running", user));
            docker.copyArchiveToContainerCmd(sandbox.id()).withRemotePath(SandboxSpecs.HOME)
                    .withTarInputStream(new java.io.ByteArrayInputStream(LearnerTar.of(pathInHome, files))).exec();
            return null;
        });
    }

    @Override
    public CommandResult run(String user, List<String> command, Duration timeout) {
        return DockerErrors.translate(() -> {
            Sandbox sandbox = find(user).filter(Sandbox::running)
                    .orElseThrow(() -> new SandboxException("sandbox.refused.not-running", user));
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            java.util.OptionalLong exitCode;
            try {
                exitCode = ContainerExec.run(docker, sandbox.id(), "1000:1000", timeout, stdout, stderr, command);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxException(e, "sandbox.refused.interrupted", user);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (exitCode.isEmpty()) {
                throw new SandboxException("sandbox.refused.too-slow", command.getFirst(), timeout.toSeconds(), user);
            }
            return new CommandResult((int) exitCode.getAsLong(),
                    stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        });
    }

    @Override
    public DesktopLink openDesktop(String user, Consumer<byte[]> received, Runnable ended) {
        return DockerErrors.translate(() -> {
            Sandbox sandbox = find(user).filter(Sandbox::running)
                    .orElseThrow(() -> new SandboxException("sandbox.refused.not-running", user));
            String exec = docker.execCreateCmd(sandbox.id()).withCmd("learnbox-desktop-relay").withUser("1000:1000")
                    .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true).exec().getId();
            BytesInbox toDesktop = new BytesInbox();
            var frames = docker.execStartCmd(exec).withStdIn(toDesktop).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    if (frame.getStreamType() != StreamType.STDERR) received.accept(frame.getPayload());
                }

                @Override
                public void onComplete() {
                    super.onComplete();
                    ended.run();
                }

                @Override
                public void onError(Throwable failed) {
                    super.onError(failed);
                    ended.run();
                }
            });
            return new DesktopLink() {
                @Override
                public void send(byte[] bytes) {
                    toDesktop.add(bytes);
                }

                @Override
                public void close() {
                    toDesktop.end();
                    try {
                        frames.close();
                    } catch (IOException alreadyGone) {
                        // the relay ended first
                    }
                }
            };
        });
    }

    @Override
    public void remove(String user) {
        DockerErrors.translate(() -> {
            containers(user).forEach(this::removeContainer);
            return null;
        });
    }

    private List<Container> containers(String user) {
        List<String> labels = new ArrayList<>(List.of(LABEL_BOX + "=" + box, LABEL_ROLE + "=sandbox"));
        if (user != null) labels.add(LABEL_USER + "=" + user);
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
    }

    private Sandbox inspect(String id) {
        InspectContainerResponse info = docker.inspectContainerCmd(id).exec();
        String port = info.getConfig().getExposedPorts() == null || info.getConfig().getExposedPorts().length == 0
                ? "8888" : String.valueOf(info.getConfig().getExposedPorts()[0].getPort());
        return describe(info, Integer.parseInt(port));
    }

    private Sandbox describe(InspectContainerResponse info, int port) {
        String user = info.getConfig().getLabels().get(LABEL_USER);
        boolean asleep = Boolean.TRUE.equals(info.getState().getPaused());
        boolean running = Boolean.TRUE.equals(info.getState().getRunning()) && !asleep;
        String ip = info.getNetworkSettings().getNetworks().values().stream()
                .map(ContainerNetwork::getIpAddress)
                .filter(address -> address != null && !address.isEmpty())
                .findFirst().orElse(null);
        return new Sandbox(user, info.getId(), running, (running || asleep) && ip != null ? "http://" + ip + ":" + port : null, asleep);
    }

    private void requireImage(String image) {
        if (!ImagePulls.present(docker, image)) {
            throw new SandboxException("sandbox.refused.image-missing", image);
        }
    }

    /** A network where sandboxes reach the hub and the front door, but never each other. */
    private void ensureNetwork(String name) {
        BridgeNetworks.ensure(docker, name, Map.of("com.docker.network.bridge.enable_icc", "false"),
                Map.of(LABEL_BOX, box, LABEL_ROLE, "sandbox-network"));
    }

    private void ensureVolume(SandboxSpec spec) {
        try {
            docker.inspectVolumeCmd(spec.volumeName()).exec();
        } catch (NotFoundException missing) {
            Map<String, String> labels = new HashMap<>(spec.labels());
            labels.put(LABEL_ROLE, "home");
            docker.createVolumeCmd().withName(spec.volumeName()).withLabels(labels).exec();
        }
    }

    /** A sandbox started ahead of the hub whose environment has not come yet. */
    private boolean awaitsTheHub(String id) {
        String[] env = docker.inspectContainerCmd(id).exec().getConfig().getEnv();
        if (env == null || java.util.Arrays.stream(env).noneMatch(e -> e.startsWith(SandboxSpecs.HUB_ENV_FILE_VARIABLE + "="))) {
            return false;
        }
        try (java.io.InputStream given = docker.copyArchiveFromContainerCmd(id, SandboxSpecs.HUB_ENV_FILE).exec()) {
            return false;
        } catch (NotFoundException notYet) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hub's environment, as a file only the learner reads, for the server that waits for it. */
    private void handOver(String id, Map<String, String> env) {
        byte[] tar = LearnerTar.privateFile(SandboxSpecs.HUB_ENV_FOLDER, SandboxSpecs.HUB_ENV_NAME, JSON.writeValueAsBytes(env));
        docker.copyArchiveToContainerCmd(id).withRemotePath(SandboxSpecs.HUB_ENV_PARENT)
                .withTarInputStream(new java.io.ByteArrayInputStream(tar)).exec();
    }

    private String create(SandboxSpec spec, Map<String, String> env) {
        List<Mount> mounts = new java.util.ArrayList<>(List.of(new Mount().withType(MountType.VOLUME)
                .withSource(spec.volumeName()).withTarget(spec.homePath())));
        Map<String, String> environment = new HashMap<>(env);
        SchoolTrust.Given trusted = trust == null ? null : trust.given();
        if (trusted != null) {
            mounts.add(trusted.mount());
            environment.putAll(trusted.env());
        }
        HostConfig host = Confinement.of(spec.cpus(), spec.memoryBytes(), spec.pids(), spec.network())
                .withExtraHosts("host.docker.internal:host-gateway")
                .withMounts(mounts)
                // The engine's own restart ends every container: a learner's sandbox comes back with it.
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart());
        try {
            return docker.createContainerCmd(spec.image())
                    .withName(spec.containerName())
                    .withLabels(ContainerLabels.of(spec.labels()))
                    .withEnv(environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .withUser("1000:1000")
                    .withExposedPorts(ExposedPort.tcp(spec.port()))
                    .withHostConfig(host)
                    .exec()
                    .getId();
        } catch (ConflictException nameTaken) {
            throw new SandboxException(nameTaken, "sandbox.refused.starting");
        }
    }

    private void removeContainer(String id) {
        ContainerStops.remove(docker, id);
    }

    /** A sleeping sandbox is thawed first: the engine does not end a frozen container. */
    private void removeContainer(Container container) {
        if ("paused".equals(container.getState())) docker.unpauseContainerCmd(container.getId()).exec();
        removeContainer(container.getId());
    }
}
