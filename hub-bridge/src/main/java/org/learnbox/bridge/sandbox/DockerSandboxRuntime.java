package org.learnbox.bridge.sandbox;


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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.learnbox.bridge.config.LearnboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.learnbox.bridge.docker.BridgeNetworks;
import org.learnbox.bridge.docker.Confinement;
import org.learnbox.bridge.docker.ContainerExec;
import org.learnbox.bridge.docker.ContainerLabels;
import org.learnbox.bridge.docker.ContainerStops;
import org.learnbox.bridge.docker.DockerErrors;
import org.learnbox.bridge.docker.ImagePulls;
import org.learnbox.bridge.docker.SchoolTrust;

/** Sandboxes as Docker containers, one per learner, each with its home on a volume of its own. */
@org.springframework.stereotype.Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "learnbox.runtime", havingValue = "docker", matchIfMissing = true)
public class DockerSandboxRuntime implements SandboxRuntime {
    private static final Logger log = LoggerFactory.getLogger(DockerSandboxRuntime.class);

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final DockerClient docker;
    private final String box;
    /** The sandboxes' network: they reach the hub and the front door on it, never each other. */
    private final String network;
    private final SchoolTrust trust;
    private final DockerHomeReads homes;
    private final MachineMemory memory = new MachineMemory();
    /** One claim of a pool's sandbox at a time. */
    private final Object claims = new Object();

    public DockerSandboxRuntime(DockerClient docker, LearnboxProperties properties) {
        this(docker, properties, null);
    }

    /** With {@code trust}, sandboxes trust the school's certificate authorities too. */
    @org.springframework.beans.factory.annotation.Autowired
    public DockerSandboxRuntime(DockerClient docker, LearnboxProperties properties, SchoolTrust trust) {
        this.docker = docker;
        this.box = properties.box();
        this.network = properties.sandbox() == null ? "" : properties.sandbox().network();
        this.trust = trust;
        this.homes = new DockerHomeReads(docker, box, properties.sandbox() == null ? properties.image("sandbox") : properties.sandbox().image(),
                properties.sandbox() == null ? "" : properties.sandbox().volumesFolder());
    }

    @Override
    public boolean startAhead(SandboxSpec spec, Consumer<SpawnEvent> progress) {
        return translate(() -> {
            if (!containers(spec.user()).isEmpty()) return false;
            if (claimFromPool(spec).isPresent()) {
                progress.accept(SpawnEvent.step(75, "A sandbox started ahead is yours"));
                return true;
            }
            requireImage(spec.image());
            progress.accept(SpawnEvent.step(20, "Sandbox image " + spec.image() + " is ready"));
            ensureNetwork(network);
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
        return translate(() -> {
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
            Optional<Sandbox> claimed = existing.isEmpty() ? claimFromPool(spec) : Optional.empty();
            if (claimed.isPresent()) {
                handOver(claimed.get().id(), spec.env());
                progress.accept(SpawnEvent.step(85, "Waiting for JupyterLab to answer"));
                return claimed.get();
            }
            requireImage(spec.image());
            progress.accept(SpawnEvent.step(20, "Sandbox image " + spec.image() + " is ready"));
            ensureNetwork(network);
            ensureVolume(spec);
            String id = create(spec, spec.env());
            progress.accept(SpawnEvent.step(50, "Container created"));
            try {
                docker.startContainerCmd(id).exec();
                progress.accept(SpawnEvent.step(75, "Container started"));
                Sandbox sandbox = describe(docker.inspectContainerCmd(id).exec(), spec.port());
                if (sandbox.url() == null) {
                    throw new SandboxException("sandbox.refused.no-address", network);
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
        return translate(() -> containers(user).stream().findFirst().map(c -> inspect(c.getId())));
    }

    @Override
    public void sleep(String user) {
        translate(() -> {
            containers(user).stream().filter(c -> "running".equals(c.getState()))
                    .forEach(c -> docker.pauseContainerCmd(c.getId()).exec());
            return null;
        });
    }

    @Override
    public Optional<Woken> wake(SandboxSpec spec) {
        return translate(() -> {
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
        return translate(() -> containers(null).stream().filter(c -> "running".equals(c.getState()))
                .map(this::userOf).collect(java.util.stream.Collectors.toSet()));
    }

    /** This machine alone; its free memory is what its kernel can give (MemAvailable). */
    @Override
    public List<Machine> machines() {
        return translate(() -> {
            com.github.dockerjava.api.model.Info engine = docker.infoCmd().exec();
            List<String> learners = runningUsers().stream().filter(java.util.Objects::nonNull).sorted().toList();
            long total = engine.getMemTotal() == null ? 0 : engine.getMemTotal();
            return List.of(new Machine(engine.getName(), Machine.SINGLE, "ready", "active", learners, total,
                    memory.available().orElse(total)));
        });
    }

    @Override
    public List<Sandbox> list() {
        return translate(() -> containers(null).stream().map(c -> inspect(c.getId())).toList());
    }

    @Override
    public String startForThePool(SandboxSpec spec) {
        return translate(() -> {
            requireImage(spec.image());
            ensureNetwork(network);
            Map<String, String> labels = new HashMap<>(DockerSandboxNames.labelsOf(box, spec));
            labels.put(ContainerLabels.ROLE, "pool-home");
            docker.createVolumeCmd().withName(DockerSandboxNames.volumeOf(box, spec)).withLabels(labels).exec();
            String id = create(spec, spec.env());
            try {
                docker.startContainerCmd(id).exec();
            } catch (RuntimeException failure) {
                removeContainer(id);
                docker.removeVolumeCmd(DockerSandboxNames.volumeOf(box, spec)).exec();
                throw failure;
            }
            return id;
        });
    }

    @Override
    public int pooled() {
        return translate(() -> {
            int waiting = 0;
            for (Container container : unclaimed()) {
                if ("running".equals(container.getState())) {
                    waiting++;
                } else { // its server gave up, or the engine ended it: it and its home go
                    removeWithItsHome(container);
                }
            }
            removeOrphanedPoolHomes();
            return waiting;
        });
    }

    @Override
    public void emptyPool() {
        translate(() -> {
            unclaimed().forEach(this::removeWithItsHome);
            removeOrphanedPoolHomes();
            return null;
        });
    }

    /**
     * A learner who never had a sandbox gets one of the pool's, already started: it takes their
     * name, and its home becomes theirs (their home volume is bound onto the pool sandbox's, which
     * keeps the files). Empty when the learner has a home already, or the pool has none waiting.
     */
    private Optional<Sandbox> claimFromPool(SandboxSpec spec) {
        synchronized (claims) { // the engine resolves a rename's old name before its lock: renames at once all succeed
            return claimFromPoolAlone(spec);
        }
    }

    private Optional<Sandbox> claimFromPoolAlone(SandboxSpec spec) {
        if (volumeExists(DockerSandboxNames.volumeOf(box, spec))) return Optional.empty();
        for (Container container : unclaimed()) {
            if (!"running".equals(container.getState())) continue;
            try { // by its pool name, not its id: the name is the claim, and a second claim finds it gone
                docker.renameContainerCmd(container.getNames()[0].substring(1)).withName(DockerSandboxNames.containerOf(box, spec)).exec();
            } catch (NotFoundException | ConflictException takenMeanwhile) {
                continue; // another claim had it first, or the learner's name is taken: the next
            }
            String poolVolume = poolVolumeOf(container);
            Map<String, String> labels = new HashMap<>(DockerSandboxNames.labelsOf(box, spec));
            labels.put(ContainerLabels.ROLE, "home");
            labels.put(ContainerLabels.HOME_IN, poolVolume);
            docker.createVolumeCmd().withName(DockerSandboxNames.volumeOf(box, spec)).withDriver("local").withLabels(labels)
                    .withDriverOpts(Map.of("type", "none", "o", "bind", "device", docker.inspectVolumeCmd(poolVolume).exec().getMountpoint()))
                    .exec();
            log.info("the pool's sandbox {} is {}'s", container.getId().substring(0, 12), spec.user());
            return Optional.of(inspect(container.getId()));
        }
        return Optional.empty();
    }

    /** A sandbox of the pool that no learner claimed, and the home volume made for it. */
    private void removeWithItsHome(Container unclaimed) {
        removeContainer(unclaimed);
        removeVolume(poolVolumeOf(unclaimed));
    }

    private String poolVolumeOf(Container pooled) {
        return DockerSandboxNames.poolVolume(box, pooled.getLabels().get(DockerSandboxNames.LABEL_POOL));
    }

    /** The pool's sandboxes that no learner has claimed: they still bear the pool's name. */
    private List<Container> unclaimed() {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(ContainerLabels.BOX + "=" + box, ContainerLabels.ROLE + "=sandbox", DockerSandboxNames.LABEL_POOL)).exec().stream()
                .filter(c -> userOf(c) == null).toList();
    }

    /** The pool's homes whose sandbox went (./box down removes sandboxes) before any learner claimed it. */
    private void removeOrphanedPoolHomes() {
        java.util.Set<String> kept = new java.util.HashSet<>();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(ContainerLabels.BOX + "=" + box, DockerSandboxNames.LABEL_POOL)).exec()
                .forEach(c -> kept.add(poolVolumeOf(c)));
        List<com.github.dockerjava.api.command.InspectVolumeResponse> volumes = docker.listVolumesCmd()
                .withFilter("label", List.of(ContainerLabels.BOX + "=" + box)).exec().getVolumes();
        if (volumes == null) return;
        volumes.stream().map(v -> v.getLabels() == null ? null : v.getLabels().get(ContainerLabels.HOME_IN)).forEach(kept::add);
        volumes.stream().filter(v -> v.getLabels() != null && "pool-home".equals(v.getLabels().get(ContainerLabels.ROLE)))
                .filter(v -> !kept.contains(v.getName()))
                .forEach(v -> removeVolume(v.getName()));
    }

    private boolean volumeExists(String name) {
        try {
            docker.inspectVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException missing) {
            return false;
        }
    }

    private void removeVolume(String name) {
        try {
            docker.removeVolumeCmd(name).exec();
        } catch (NotFoundException | ConflictException goneOrInUse) {
            log.debug("volume {} was gone or in use", name);
        }
    }

    @Override
    public java.io.InputStream copyFolder(String user, String pathInHome) {
        return translate(() -> homes.copy(user, pathInHome));
    }

    @Override
    public HomeListing findInHome(String user, String suffix, int most) {
        return translate(() -> homes.find(user, suffix, most));
    }

    @Override
    public HomeRead readInHome(String user, String pathInHome, int most) {
        return translate(() -> homes.read(user, pathInHome, most));
    }

    @Override
    public void copyInto(String user, String pathInHome, java.util.Map<String, String> files) {
        translate(() -> {
            Sandbox sandbox = find(user).filter(Sandbox::running)
                    .orElseThrow(() -> new SandboxException("sandbox.refused.not-running", user));
            docker.copyArchiveToContainerCmd(sandbox.id()).withRemotePath(SandboxSpecs.HOME)
                    .withTarInputStream(new java.io.ByteArrayInputStream(LearnerTar.of(pathInHome, files))).exec();
            return null;
        });
    }

    @Override
    public CommandResult run(String user, List<String> command, Duration timeout) {
        return translate(() -> {
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
        return translate(() -> {
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
        translate(() -> {
            containers(user).forEach(this::removeContainer);
            return null;
        });
    }

    /** The learners' sandboxes (one learner's, with {@code user}); the pool's unclaimed ones are no one's. */
    private List<Container> containers(String user) {
        List<String> labels = List.of(ContainerLabels.BOX + "=" + box, ContainerLabels.ROLE + "=sandbox");
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().stream()
                .filter(c -> user == null ? userOf(c) != null : user.equals(userOf(c))).toList();
    }

    /**
     * Whose sandbox it is: its label says, or, for one that was the pool's (labels cannot change),
     * its name, which it took when claimed. Null for the pool's unclaimed ones.
     */
    private String userOf(Container container) {
        String names = container.getNames() == null || container.getNames().length == 0 ? "" : container.getNames()[0];
        return userOf(container.getLabels(), names);
    }

    private String userOf(Map<String, String> labels, String name) {
        String user = labels == null ? null : labels.get(ContainerLabels.USER);
        if (user != null && !user.isEmpty()) return user;
        String prefix = "/" + DockerSandboxNames.container(box, "");
        return name.startsWith(prefix) ? name.substring(prefix.length()) : null;
    }

    private Sandbox inspect(String id) {
        InspectContainerResponse info = docker.inspectContainerCmd(id).exec();
        String port = info.getConfig().getExposedPorts() == null || info.getConfig().getExposedPorts().length == 0
                ? "8888" : String.valueOf(info.getConfig().getExposedPorts()[0].getPort());
        return describe(info, Integer.parseInt(port));
    }

    private Sandbox describe(InspectContainerResponse info, int port) {
        String user = userOf(info.getConfig().getLabels(), info.getName());
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
                Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "sandbox-network"));
    }

    private void ensureVolume(SandboxSpec spec) {
        try {
            docker.inspectVolumeCmd(DockerSandboxNames.volumeOf(box, spec)).exec();
        } catch (NotFoundException missing) {
            Map<String, String> labels = new HashMap<>(DockerSandboxNames.labelsOf(box, spec));
            labels.put(ContainerLabels.ROLE, "home");
            docker.createVolumeCmd().withName(DockerSandboxNames.volumeOf(box, spec)).withLabels(labels).exec();
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
                .withSource(DockerSandboxNames.volumeOf(box, spec)).withTarget(SandboxSpecs.HOME)));
        Map<String, String> environment = new HashMap<>(env);
        SchoolTrust.Given trusted = trust == null ? null : trust.given();
        if (trusted != null) {
            mounts.add(trusted.mount());
            environment.putAll(trusted.env());
        }
        HostConfig host = Confinement.of(spec.cpus(), spec.memoryBytes(), spec.pids(), network)
                .withExtraHosts("host.docker.internal:host-gateway")
                .withMounts(mounts)
                // The engine's own restart ends every container: a learner's sandbox comes back with it.
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart());
        try {
            return docker.createContainerCmd(spec.image())
                    .withName(DockerSandboxNames.containerOf(box, spec))
                    .withLabels(ContainerLabels.of(DockerSandboxNames.labelsOf(box, spec)))
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

    /** A failure of the engine in the sandboxes' words. */
    private static <T> T translate(java.util.function.Supplier<T> call) {
        return DockerErrors.translate(call, SandboxException::new, "docker.stops.sandboxes");
    }
}
