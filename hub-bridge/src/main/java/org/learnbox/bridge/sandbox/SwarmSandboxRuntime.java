package org.learnbox.bridge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.docker.ContainerLabels;
import org.learnbox.bridge.docker.DockerErrors;
import org.learnbox.bridge.docker.SwarmApi;
import org.learnbox.bridge.docker.SwarmSettings;
import tools.jackson.databind.JsonNode;

/**
 * Sandboxes as Swarm services of one task each, placed by Swarm on a node with room and started
 * again elsewhere when their node leaves; homes on the share every node mounts, read from there.
 * What needs a way into a container on another node (a command run, files handed in, the desktop,
 * a frozen sleep, the pool) is refused in words until the nodes' agent does it.
 */
public class SwarmSandboxRuntime implements SandboxRuntime {
    /** How long a new sandbox's task may take to run (its node may pull the image first). */
    static final Duration START_TIME = Duration.ofMinutes(3);
    private static final Duration LOOK_EVERY = Duration.ofMillis(200);
    private static final int LEARNER = 1000;

    private final SwarmApi swarm;
    private final String box;
    private final SwarmSandboxServices services;
    private final SwarmNodeGuard guard;
    private final Clock clock;

    /**
     * {@code guardImage}: the node guard's image (learnbox/node-guard); {@code sandboxImage}: the
     * learners' (each node fetches it ahead); {@code frontPort} and {@code hubApiPort}: where on the
     * manager sandboxes reach the front door and the hub.
     */
    public SwarmSandboxRuntime(SwarmApi swarm, String box, String network, SwarmSettings settings, String guardImage,
            String sandboxImage, int frontPort, int hubApiPort) {
        this(swarm, box, network, settings, new SwarmNodeGuard(swarm, box, network, guardImage, sandboxImage,
                new SwarmNodeGuard.Openings(settings.managerAddress(), frontPort, hubApiPort), Clock.systemUTC()), Clock.systemUTC());
    }

    SwarmSandboxRuntime(SwarmApi swarm, String box, String network, SwarmSettings settings, SwarmNodeGuard guard, Clock clock) {
        this.swarm = swarm;
        this.box = box;
        this.services = new SwarmSandboxServices(box, network, settings);
        this.guard = guard;
        this.clock = clock;
    }

    /** Every node guarded (and fetching the learners' image) before the first learner. */
    public void guardTheNodes() {
        translate(() -> {
            guard.ensure();
            return null;
        });
    }

    @Override
    public Sandbox start(SandboxSpec spec, Consumer<SpawnEvent> progress) {
        return translate(() -> {
            String name = DockerSandboxNames.container(box, spec.user());
            Optional<Sandbox> existing = find(spec.user());
            if (existing.isPresent() && existing.get().running()) {
                progress.accept(SpawnEvent.step(90, "Your sandbox is already running"));
                return existing.get();
            }
            if (existing.isEmpty()) {
                guard.ensure();
                makeHome(spec.user());
                if (!swarm.create(services.specOf(spec))) throw new SandboxException("sandbox.refused.starting");
                progress.accept(SpawnEvent.step(40, "The cluster places your sandbox"));
            }
            Sandbox placed = awaitRunning(spec.user(), name);
            progress.accept(SpawnEvent.step(85, "Waiting for JupyterLab to answer"));
            return placed;
        });
    }

    @Override
    public Optional<Sandbox> find(String user) {
        return translate(() -> swarm.service(DockerSandboxNames.container(box, user))
                .filter(this::ours).map(service -> describe(user, service)));
    }

    /** On the cluster a sleeping sandbox ends (its home stays): freezing one needs the node's agent. */
    @Override
    public void sleep(String user) {
        remove(user);
    }

    @Override
    public Optional<Woken> wake(SandboxSpec spec) {
        return find(spec.user()).filter(Sandbox::running).map(running -> new Woken(running, false));
    }

    @Override
    public boolean startAhead(SandboxSpec spec, Consumer<SpawnEvent> progress) {
        return false; // handing the hub's token to a sandbox started ahead needs the node's agent
    }

    @Override
    public String startForThePool(SandboxSpec spec) {
        throw new SandboxException("sandbox.refused.on-cluster-not-yet", Words.phrase("sandbox.cluster-cannot.pool"));
    }

    @Override
    public int pooled() {
        return 0;
    }

    @Override
    public void emptyPool() {
        // the single box's
    }

    @Override
    public Set<String> runningUsers() {
        return list().stream().filter(Sandbox::running).map(Sandbox::user).collect(Collectors.toSet());
    }

    @Override
    public List<Sandbox> list() {
        return translate(() -> swarm.services(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "sandbox")).stream()
                .filter(service -> !service.path("Spec").path("Labels").path(ContainerLabels.USER).asString("").isEmpty())
                .map(service -> describe(service.path("Spec").path("Labels").path(ContainerLabels.USER).asString(), service))
                .toList());
    }

    /** Each node of the cluster; its free memory is what Swarm can still reserve there. */
    @Override
    public List<Machine> machines() {
        return translate(() -> {
            Map<String, List<String>> learnersOn = new HashMap<>();
            Map<String, Long> reservedOn = new HashMap<>();
            for (JsonNode task : swarm.runningTasks()) {
                String node = task.path("NodeID").asString("");
                if (node.isEmpty()) continue;
                reservedOn.merge(node, task.path("Spec").path("Resources").path("Reservations").path("MemoryBytes").asLong(0), Long::sum);
                JsonNode labels = task.path("Spec").path("ContainerSpec").path("Labels");
                String user = labels.path(ContainerLabels.USER).asString("");
                if (box.equals(labels.path(ContainerLabels.BOX).asString("")) && "sandbox".equals(labels.path(ContainerLabels.ROLE).asString(""))
                        && !user.isEmpty()) {
                    learnersOn.computeIfAbsent(node, id -> new ArrayList<>()).add(user);
                }
            }
            return swarm.nodes().stream().map(node -> {
                String id = node.path("ID").asString();
                long memory = node.path("Description").path("Resources").path("MemoryBytes").asLong(0);
                return new Machine(node.path("Description").path("Hostname").asString(id), node.path("Spec").path("Role").asString("worker"),
                        node.path("Status").path("State").asString("unknown"), node.path("Spec").path("Availability").asString("active"),
                        learnersOn.getOrDefault(id, List.of()).stream().sorted().toList(), memory,
                        Math.max(0, memory - reservedOn.getOrDefault(id, 0L)));
            }).sorted(Comparator.comparing(Machine::name)).toList();
        });
    }

    @Override
    public CommandResult run(String user, List<String> command, Duration timeout) {
        throw new SandboxException("sandbox.refused.on-cluster-not-yet", Words.phrase("sandbox.cluster-cannot.run"));
    }

    @Override
    public DesktopLink openDesktop(String user, Consumer<byte[]> received, Runnable ended) {
        throw new SandboxException("sandbox.refused.on-cluster-not-yet", Words.phrase("sandbox.cluster-cannot.desktop"));
    }

    /** From the share, as a home is read: whether or not the sandbox runs, on whichever node. */
    @Override
    public InputStream copyFolder(String user, String pathInHome) {
        return fromTheShare(user, pathInHome, "sandbox.refused.no-folder", folder -> folder.tarOf(pathInHome));
    }

    @Override
    public HomeListing findInHome(String user, String suffix, int most) {
        return fromTheShare(user, "", "sandbox.refused.no-file", folder -> folder.find(suffix, most));
    }

    @Override
    public HomeRead readInHome(String user, String pathInHome, int most) {
        return fromTheShare(user, pathInHome, "sandbox.refused.no-file", folder -> folder.read(pathInHome, most));
    }

    @Override
    public void copyInto(String user, String pathInHome, Map<String, String> files) {
        throw new SandboxException("sandbox.refused.on-cluster-not-yet", Words.phrase("sandbox.cluster-cannot.copy"));
    }

    @Override
    public void remove(String user) {
        translate(() -> {
            swarm.remove(DockerSandboxNames.container(box, user));
            return null;
        });
    }

    private boolean ours(JsonNode service) {
        return box.equals(service.path("Spec").path("Labels").path(ContainerLabels.BOX).asString(""));
    }

    /** The service's task that Swarm wants running: where it runs, whether it does, and where its server answers. */
    private Sandbox describe(String user, JsonNode service) {
        String name = service.path("Spec").path("Name").asString();
        Optional<JsonNode> task = current(name);
        boolean running = task.map(t -> "running".equals(t.path("Status").path("State").asString())).orElse(false);
        String url = running ? task.flatMap(this::addressOf).orElse(null) : null;
        return new Sandbox(user, service.path("ID").asString(), running && url != null, url);
    }

    private Optional<JsonNode> current(String service) {
        return swarm.tasks(service).stream()
                .filter(task -> "running".equals(task.path("DesiredState").asString()))
                .max(Comparator.comparing(task -> task.path("Version").path("Index").asLong()));
    }

    private Optional<String> addressOf(JsonNode task) {
        Optional<Integer> port = java.util.stream.StreamSupport.stream(task.path("Status").path("PortStatus").path("Ports").spliterator(), false)
                .map(published -> published.path("PublishedPort").asInt()).filter(p -> p > 0).findFirst();
        Optional<String> node = swarm.node(task.path("NodeID").asString()).map(n -> n.path("Status").path("Addr").asString(""))
                .filter(address -> !address.isEmpty());
        return port.flatMap(p -> node.map(address -> "http://" + address + ":" + p));
    }

    /** Waits for the new task to run; a cluster without room, or a task that fails, is refused and leaves nothing. */
    private Sandbox awaitRunning(String user, String name) {
        Instant deadline = clock.instant().plus(START_TIME);
        while (true) {
            Optional<JsonNode> task = current(name);
            JsonNode status = task.map(t -> t.path("Status")).orElse(null);
            String error = status == null ? "" : status.path("Err").asString("");
            if (error.contains("no suitable node")) {
                swarm.remove(name);
                throw new SandboxException("sandbox.refused.cluster-full", error);
            }
            String state = status == null ? "" : status.path("State").asString("");
            if (Set.of("failed", "rejected").contains(state)) {
                swarm.remove(name);
                throw new SandboxException("sandbox.refused.cluster-failed", error.isEmpty() ? state : error);
            }
            if ("running".equals(state)) {
                Optional<String> url = addressOf(task.get());
                if (url.isPresent()) return new Sandbox(user, swarm.service(name).map(s -> s.path("ID").asString()).orElse(name), true, url.get());
            }
            if (clock.instant().isAfter(deadline)) {
                swarm.remove(name);
                throw new SandboxException("sandbox.refused.cluster-slow", START_TIME.toSeconds());
            }
            try {
                Thread.sleep(LOOK_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxException(e, "sandbox.refused.interrupted", user);
            }
        }
    }

    /** The learner's folder on the share, theirs (uid 1000) before the first task binds it. */
    private void makeHome(String user) {
        Path home = services.homeOf(user);
        try {
            if (Files.isDirectory(home, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
            Files.createDirectories(home.getParent());
            Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
            Files.setAttribute(home, "unix:uid", LEARNER, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(home, "unix:gid", LEARNER, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // made meanwhile by another start of the same learner
        } catch (IOException e) {
            throw new SandboxException(e, "sandbox.refused.share", services.homeOf(user).getParent(), e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T from(HomeFolder folder) throws IOException;
    }

    private <T> T fromTheShare(String user, String path, String missing, Read<T> read) {
        Path home = services.homeOf(user);
        if (!Files.isDirectory(home, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw SandboxException.notFound("sandbox.refused.none-yet", user);
        }
        try {
            return read.from(new HomeFolder(home));
        } catch (NoSuchFileException noSuchPath) {
            throw SandboxException.notFound(missing, path, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine's refusals and silences in the sandboxes' words. */
    private static <T> T translate(java.util.function.Supplier<T> call) {
        return DockerErrors.translate(() -> {
            try {
                return call.get();
            } catch (SwarmApi.Failure refused) {
                throw new SandboxException(refused, "docker.refused", refused.getMessage());
            }
        }, SandboxException::new, "docker.stops.sandboxes");
    }
}
