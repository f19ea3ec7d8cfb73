package org.learnbox.bridge.assignment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.docker.Confinement;
import org.learnbox.bridge.docker.ContainerLabels;
import org.learnbox.bridge.docker.ContainerStops;
import org.learnbox.bridge.docker.DockerErrors;
import org.learnbox.bridge.docker.ImagePulls;
import org.learnbox.bridge.sandbox.SandboxSpecs;

/**
 * Grades in a container of the sandbox image made for one notebook and removed after, whatever
 * the end: no network, no volume (the notebook is copied in, root's alone), the given limits,
 * every capability dropped but the three the runner needs to start the kernel as the learner and
 * stop it (SETUID, SETGID, KILL), no privilege gained, and a wall-clock limit. The container is
 * made ahead, its kernel started, before the submission comes ({@link GradersAhead}); the
 * results are copied out of the runner's folder, bounded.
 */
@org.springframework.stereotype.Component
class DockerGradingRuntime implements GradingRuntime, AutoCloseable {
    static final String ROLE = "grader";
    static final String NOTEBOOK = "/grade/notebook.ipynb";
    static final String OUT = "/grade/out";
    /** A kernel's start (the Java kernel's JVM) and the runner's end, beyond the notebook's own time. */
    static final Duration START_AND_END = Duration.ofSeconds(60);
    /** A container made ahead for a kind of grading nobody asked for within this time is removed. */
    static final Duration IDLE = Duration.ofMinutes(10);
    /** The runner keeps a notebook's outputs to 1 MiB; its source may be 2 MiB. */
    static final int MAX_GRADED_NOTEBOOK_BYTES = 8 * 1024 * 1024;
    private static final String SCRATCH = "rw,nosuid,nodev,size=64m";
    private static final DockerErrors.Failure FAILED =
            (cause, key, arguments) -> new AssignmentException(new AssignmentProblem(key, Arrays.asList(arguments)));
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DockerGradingRuntime.class);

    private final DockerClient docker;
    private final String box;
    private final String image;
    private final GradersAhead<Kind> ahead;

    /** What a container made ahead is made for: its kernel and its limits. */
    record Kind(NotebookLanguage language, GradingLimits limits) {}

    DockerGradingRuntime(DockerClient docker, LearnboxProperties properties) {
        this.docker = docker;
        this.box = properties.box();
        this.image = properties.image("sandbox");
        // As many ahead as submissions are graded at once (GradingQueue), when they come that fast.
        this.ahead = new GradersAhead<>(this::started, id -> ContainerStops.remove(docker, id), GradingQueue.AT_ONCE, IDLE, System::nanoTime);
    }

    @Override
    public RawGrading grade(byte[] preparedNotebook, Map<String, byte[]> files, NotebookLanguage language, GradingLimits limits) {
        return DockerErrors.translate(() -> run(preparedNotebook, files, language, limits), FAILED, "docker.stops.grading");
    }

    private RawGrading run(byte[] notebook, Map<String, byte[]> files, NotebookLanguage language, GradingLimits limits) {
        Kind kind = new Kind(language, limits);
        String id = ahead.take(kind);
        if (id != null && !running(id)) {
            log.info("grading container {} made ahead had ended; another is made", id);
            ahead.removeLater(id);
            id = null;
        }
        if (id == null) id = started(kind);
        try {
            // The notebook and, after it in the same archive, the word to start: the runner's clock counts from here.
            docker.copyArchiveToContainerCmd(id).withRemotePath("/").withTarInputStream(new ByteArrayInputStream(gradeFolder(notebook, files))).exec();
            boolean stoppedAtLimit = !ended(id, limits.perNotebook().plus(START_AND_END));
            if (stoppedAtLimit) {
                ContainerStops.kill(docker, id);
                log.info("grading container {} ran past its time and was killed", id);
            }
            Map<String, byte[]> out = copiedOut(id);
            return new RawGrading(out.get("result.json"), out.get("graded.ipynb"), stoppedAtLimit);
        } finally {
            ahead.removeLater(id);
            ahead.madeAgain(kind);
        }
    }

    /** A grading container of this kind, started: its runner starts the kernel and waits for the notebook. */
    private String started(Kind kind) {
        if (!ImagePulls.present(docker, image)) throw new AssignmentException(AssignmentProblem.of("grading-image-missing", image));
        GradingLimits limits = kind.limits();
        HostConfig host = Confinement.of(limits.cpus(), limits.memoryBytes(), limits.pids(), "none")
                .withCapAdd(Capability.SETUID, Capability.SETGID, Capability.KILL)
                // What the learner's code writes stays in memory, counted in its limit, not on the box's disk.
                .withTmpFs(Map.of("/tmp", SCRATCH, "/var/tmp", SCRATCH, SandboxSpecs.HOME, SCRATCH + ",uid=1000,gid=1000"))
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "1m", "max-file", "1")));
        String id = docker.createContainerCmd(image)
                .withName(box + "-grade-" + UUID.randomUUID().toString().substring(0, 13))
                .withLabels(ContainerLabels.of(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, ROLE)))
                .withUser("0")
                .withNetworkDisabled(true)
                .withCmd(List.of("learnbox-grade", NOTEBOOK, OUT, "--ahead", "--kernel", kernel(kind.language()),
                        "--cell-seconds", Long.toString(limits.perCell().toSeconds()),
                        "--total-seconds", Long.toString(limits.perNotebook().toSeconds())))
                .withHostConfig(host)
                .exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            return id;
        } catch (RuntimeException e) {
            ContainerStops.remove(docker, id);
            throw e;
        }
    }

    private boolean running(String id) {
        try {
            return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning());
        } catch (NotFoundException gone) {
            return false;
        }
    }

    int waitingAhead() {
        return ahead.waiting();
    }

    /** Containers made ahead that no grading of their kind wanted for a while go. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 60_000)
    void removeIdle() {
        ahead.removeIdle();
    }

    /** After a restart: the grading containers of the bridge before (those it was grading in are graded again). */
    @jakarta.annotation.PostConstruct
    void removeLeftOver() {
        try {
            docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, ROLE))
                    .exec().forEach(c -> ContainerStops.remove(docker, c.getId()));
        } catch (RuntimeException dockerDown) {
            log.warn("could not look for grading containers left over: {}", dockerDown.getMessage());
        }
    }

    /** The containers made ahead, and those still being removed, go with the bridge. */
    @Override
    public void close() {
        ahead.close();
    }

    private static String kernel(NotebookLanguage language) {
        return language == NotebookLanguage.JAVA ? "java" : "python3";
    }

    private boolean ended(String id, Duration within) {
        try {
            docker.waitContainerCmd(id).start().awaitStatusCode(within.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (DockerClientException notYet) {
            return false;
        }
    }

    /**
     * The folder /grade, root's alone (0700), with the notebook in it (0600): the learner's code cannot
     * read the hidden tests; the assignment's files under /grade/files (the runner puts them beside the
     * notebook, the learner's); then the empty file "start", the runner's word that all is there.
     */
    static byte[] gradeFolder(byte[] notebook, Map<String, byte[]> files) {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream entries = new TarArchiveOutputStream(tar)) {
            entries.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry folder = new TarArchiveEntry("grade/");
            folder.setMode(040700);
            entries.putArchiveEntry(folder);
            entries.closeArchiveEntry();
            TarArchiveEntry file = new TarArchiveEntry("grade/notebook.ipynb");
            file.setMode(0100600);
            file.setSize(notebook.length);
            entries.putArchiveEntry(file);
            entries.write(notebook);
            entries.closeArchiveEntry();
            for (Map.Entry<String, byte[]> given : files.entrySet()) {
                String path = given.getKey();
                if (path.startsWith("/") || java.util.Arrays.asList(path.split("/")).contains("..")) {
                    throw new IllegalArgumentException("not a path inside the assignment: " + path);
                }
                TarArchiveEntry data = new TarArchiveEntry("grade/files/" + path);
                data.setMode(0100600);
                data.setSize(given.getValue().length);
                entries.putArchiveEntry(data);
                entries.write(given.getValue());
                entries.closeArchiveEntry();
            }
            TarArchiveEntry start = new TarArchiveEntry("grade/start");
            start.setMode(0100600);
            entries.putArchiveEntry(start);
            entries.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tar.toByteArray();
    }

    /** The most each file of the runner's folder may be: what is larger is left out. */
    private static final Map<String, Integer> MOST = Map.of("result.json", Grader.MAX_RESULT_BYTES, "graded.ipynb", MAX_GRADED_NOTEBOOK_BYTES);

    /**
     * The runner's two files from the stopped container, in one archive (one call to the engine):
     * each regular file within its bound, by name; a file not there, not regular or larger is absent.
     */
    private Map<String, byte[]> copiedOut(String id) {
        Map<String, byte[]> files = new java.util.HashMap<>();
        try (InputStream archive = docker.copyArchiveFromContainerCmd(id, OUT).exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                Integer most = MOST.get(name);
                if (most == null || !entry.isFile() || !entry.getName().equals("out/" + name) || entry.getSize() > most) continue;
                byte[] content = tar.readNBytes(most + 1);
                if (content.length <= most) files.put(name, content);
            }
        } catch (NotFoundException missing) {
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
