package org.learnbox.bridge.backup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.VolumeOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.learnbox.bridge.config.DockerConnection;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.sandbox.ContainerStops;
import org.learnbox.bridge.sandbox.SandboxSpecs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Homes and the hub's database, through Docker. A home is read by GNU tar in a throwaway container of the sandbox
 * image that mounts it read-only, with no network and one capability (to read every file),
 * while the learner's own sandbox keeps running; tar takes a file that changes meanwhile as it
 * stands. A home is written back through Docker's archive API into a new volume, owners kept.
 * The hub's database is copied by SQLite's online backup inside the hub's container, and
 * written back into its stopped container's volume.
 */
@Component
public class DockerBoxVolumes implements BoxVolumes {
    private static final Set<String> SERVICES = Set.of("bridge", "hub", "proxy", "gateway", "keycloak");
    private static final String COMPOSE_PROJECT = "com.docker.compose.project";
    private static final String COMPOSE_SERVICE = "com.docker.compose.service";
    private static final String COMPOSE_ONE_OFF = "com.docker.compose.oneoff";
    private static final String HUB_DATABASE = "/srv/jupyterhub/jupyterhub.sqlite";
    private static final String HUB_COPY = "/tmp/learnbox-hub-backup.sqlite";
    private static final long HELPER_MEMORY = 256L * 1024 * 1024;

    private final DockerClient docker;
    private final String box;
    private final String image;

    public DockerBoxVolumes(DockerClient docker, String box, String image) {
        this.docker = docker;
        this.box = box;
        this.image = image;
    }

    /** For the command line, which runs once and ends: its own connection to the engine. */
    public static BoxVolumes connect(String box, String image) {
        return new DockerBoxVolumes(DockerConnection.open(), box, image);
    }

    @Autowired
    DockerBoxVolumes(DockerClient docker, LearnboxProperties properties) {
        this(docker, properties.box(), properties.sandbox().image());
    }

    @Override
    public List<String> learners() {
        return docker.listVolumesCmd().withFilter("label", List.of(SandboxSpecs.LABEL_BOX + "=" + box, SandboxSpecs.LABEL_ROLE + "=home"))
                .exec().getVolumes().stream()
                .map(volume -> volume.getLabels() == null ? null : volume.getLabels().get(SandboxSpecs.LABEL_USER))
                .filter(Objects::nonNull).sorted().toList();
    }

    @Override
    public void export(String learner, OutputStream out) {
        String volume = SandboxSpecs.homeVolume(box, learner);
        String helper = docker.createContainerCmd(image)
                .withEntrypoint("sleep").withCmd("infinity")
                .withUser("0:0")
                .withLabels(Map.of(SandboxSpecs.LABEL_BOX, box, SandboxSpecs.LABEL_ROLE, "home-copy", SandboxSpecs.LABEL_USER, learner))
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode("none")
                        .withCapDrop(Capability.ALL).withCapAdd(Capability.DAC_READ_SEARCH)
                        .withSecurityOpts(List.of("no-new-privileges:true"))
                        .withReadonlyRootfs(true)
                        .withMemory(HELPER_MEMORY).withMemorySwap(HELPER_MEMORY).withPidsLimit(16L)
                        .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE))
                        .withMounts(List.of(new Mount().withType(MountType.VOLUME).withSource(volume)
                                .withTarget(SandboxSpecs.HOME).withReadOnly(true))))
                .exec().getId();
        try {
            docker.startContainerCmd(helper).exec();
            String parent = SandboxSpecs.HOME.substring(0, SandboxSpecs.HOME.lastIndexOf('/'));
            String folder = SandboxSpecs.HOME.substring(SandboxSpecs.HOME.lastIndexOf('/') + 1);
            Executed tar = exec(helper, out, "tar", "--numeric-owner", "--warning=no-file-changed", "--warning=no-file-removed",
                    "--warning=no-file-shrank", "-C", parent, "-cf", "-", folder);
            // GNU tar's 1 means some file changed while it was read: it is in the archive as it stood.
            if (tar.exitCode() > 1) throw new BackupException("The home of " + learner + " could not be read (tar: " + tar.errors() + ").");
        } catch (DockerException e) {
            throw new BackupException("The home of " + learner + " could not be read: " + e.getMessage(), e);
        } finally {
            ContainerStops.remove(docker, helper);
        }
    }

    @Override
    public void replace(String learner, InputStream tar) {
        String volume = SandboxSpecs.homeVolume(box, learner);
        try {
            docker.removeVolumeCmd(volume).exec();
        } catch (NotFoundException none) {
            // a learner new to this box
        }
        docker.createVolumeCmd().withName(volume)
                .withLabels(Map.of(SandboxSpecs.LABEL_BOX, box, SandboxSpecs.LABEL_ROLE, "home", SandboxSpecs.LABEL_USER, learner))
                .exec();
        // Not started: Docker's archive API writes into a created container's volumes. No copy of
        // the image's home either: the home is the backup's, files a learner removed stay removed.
        String helper = docker.createContainerCmd(image)
                .withLabels(Map.of(SandboxSpecs.LABEL_BOX, box, SandboxSpecs.LABEL_ROLE, "home-copy", SandboxSpecs.LABEL_USER, learner))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                        .withMounts(List.of(new Mount().withType(MountType.VOLUME).withSource(volume)
                                .withTarget(SandboxSpecs.HOME).withVolumeOptions(new VolumeOptions().withNoCopy(true)))))
                .exec().getId();
        try {
            docker.copyArchiveToContainerCmd(helper).withRemotePath(SandboxSpecs.HOME.substring(0, SandboxSpecs.HOME.lastIndexOf('/')))
                    .withTarInputStream(tar).exec();
        } catch (DockerException e) {
            throw new BackupException("The home of " + learner + " could not be written back: " + e.getMessage(), e);
        } finally {
            ContainerStops.remove(docker, helper);
        }
    }

    @Override
    public void removeAll() {
        for (Container sandbox : docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SandboxSpecs.LABEL_BOX, box, SandboxSpecs.LABEL_ROLE, "sandbox")).exec()) {
            ContainerStops.remove(docker, sandbox.getId());
        }
        for (String learner : learners()) {
            try {
                docker.removeVolumeCmd(SandboxSpecs.homeVolume(box, learner)).exec();
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        }
    }

    @Override
    public boolean exportHubDatabase(OutputStream database) {
        Optional<String> hub = service("hub", true);
        if (hub.isEmpty()) return false;
        try {
            // SQLite's online backup: a consistent copy while the hub writes.
            Executed copied = exec(hub.get(), OutputStream.nullOutputStream(), "python3", "-c",
                    "import sqlite3, sys; s = sqlite3.connect(sys.argv[1]); d = sqlite3.connect(sys.argv[2]); s.backup(d); d.close()",
                    HUB_DATABASE, HUB_COPY);
            if (copied.exitCode() != 0) throw new BackupException("The hub's database could not be copied: " + copied.errors());
            try (TarArchiveInputStream tar = new TarArchiveInputStream(docker.copyArchiveFromContainerCmd(hub.get(), HUB_COPY).exec())) {
                tar.getNextEntry();
                tar.transferTo(database);
            } finally {
                exec(hub.get(), OutputStream.nullOutputStream(), "rm", "-f", HUB_COPY);
            }
            return true;
        } catch (IOException | DockerException e) {
            throw new BackupException("The hub's database could not be copied: " + e.getMessage(), e);
        }
    }

    @Override
    public void replaceHubDatabase(InputStream database) {
        String hub = service("hub", false).orElseThrow(() -> new BackupException("This box has no hub to give its database back to:"
                + " start it once (docker compose up -d), stop it, and restore again."));
        try {
            byte[] content = database.readAllBytes();
            ByteArrayOutputStream tar = new ByteArrayOutputStream();
            try (TarArchiveOutputStream entries = new TarArchiveOutputStream(tar)) {
                TarArchiveEntry entry = new TarArchiveEntry(HUB_DATABASE.substring(HUB_DATABASE.lastIndexOf('/') + 1));
                entry.setSize(content.length);
                entries.putArchiveEntry(entry);
                entries.write(content);
                entries.closeArchiveEntry();
            }
            docker.copyArchiveToContainerCmd(hub).withRemotePath(HUB_DATABASE.substring(0, HUB_DATABASE.lastIndexOf('/')))
                    .withTarInputStream(new ByteArrayInputStream(tar.toByteArray())).exec();
        } catch (IOException | DockerException e) {
            throw new BackupException("The hub's database could not be written back: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> runningServices() {
        return services(true).map(container -> container.getLabels().get(COMPOSE_SERVICE)).filter(SERVICES::contains).sorted().toList();
    }

    /** The box's own containers (compose's), not a one-off run of one. */
    private java.util.stream.Stream<Container> services(boolean runningOnly) {
        return docker.listContainersCmd().withShowAll(!runningOnly).withLabelFilter(Map.of(COMPOSE_PROJECT, box)).exec().stream()
                .filter(container -> !"True".equalsIgnoreCase(container.getLabels().get(COMPOSE_ONE_OFF)));
    }

    private Optional<String> service(String name, boolean runningOnly) {
        return services(runningOnly).filter(container -> name.equals(container.getLabels().get(COMPOSE_SERVICE)))
                .map(Container::getId).findFirst();
    }

    record Executed(long exitCode, String errors) {}

    /** Runs a command in a running container; its standard output goes to {@code out}. */
    private Executed exec(String container, OutputStream out, String... command) {
        String exec = docker.execCreateCmd(container).withCmd(command).withAttachStdout(true).withAttachStderr(true).exec().getId();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        IOException[] failed = new IOException[1];
        try (ResultCallback.Adapter<Frame> frames = docker.execStartCmd(exec).exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                if (frame.getStreamType() == StreamType.STDERR) {
                    if (errors.size() < 4096) errors.writeBytes(frame.getPayload());
                    return;
                }
                try {
                    out.write(frame.getPayload());
                } catch (IOException e) {
                    failed[0] = e;
                    onError(e);
                }
            }
        })) {
            frames.awaitCompletion(2, TimeUnit.HOURS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("Stopped while '" + command[0] + "' ran in " + container + ".", e);
        }
        if (failed[0] != null) throw new BackupException("What '" + command[0] + "' wrote could not be kept: " + failed[0].getMessage(), failed[0]);
        Long exit = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        return new Executed(exit == null ? -1 : exit, errors.toString(StandardCharsets.UTF_8).strip());
    }
}
