package org.learnbox.bridge.backup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.learnbox.bridge.docker.DockerConnection;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.SecretFiles;
import org.learnbox.bridge.docker.ContainerLabels;
import org.learnbox.bridge.docker.ContainerExec;
import org.learnbox.bridge.docker.ContainerStops;
import org.learnbox.bridge.docker.HomeVolumes;
import org.learnbox.bridge.docker.VolumeWrites;
import org.learnbox.bridge.sandbox.SandboxSpecs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Homes, the hub's and Keycloak's databases and the box's secrets, through Docker. A home is read by GNU tar in a throwaway container of the sandbox
 * image that mounts it read-only, with no network and one capability (to read every file),
 * while the learner's own sandbox keeps running; tar takes a file that changes meanwhile as it
 * stands. A home is written back through Docker's archive API into a new volume, owners kept.
 * The hub's database is copied by SQLite's online backup inside the hub's container, and
 * written back into its stopped container's volume. Keycloak's database is copied with Keycloak
 * paused for the moment of the copy; it and the secrets are written back into their volumes.
 */
@Component
public class DockerBoxVolumes implements BoxVolumes {
    private static final Set<String> SERVICES = Set.of("bridge", "hub", "proxy", "gateway", "keycloak");
    private static final String COMPOSE_PROJECT = "com.docker.compose.project";
    private static final String COMPOSE_SERVICE = "com.docker.compose.service";
    private static final String COMPOSE_ONE_OFF = "com.docker.compose.oneoff";
    private static final String HUB_DATABASE = "/srv/jupyterhub/jupyterhub.sqlite";
    private static final String HUB_COPY = "/tmp/learnbox-hub-backup.sqlite";
    private static final String KEYCLOAK_DATA = "/opt/keycloak/data/h2";
    private static final String COMPOSE_VOLUME = "com.docker.compose.volume";
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
        return docker.listVolumesCmd().withFilter("label", List.of(ContainerLabels.BOX + "=" + box, ContainerLabels.ROLE + "=home"))
                .exec().getVolumes().stream()
                .map(volume -> volume.getLabels() == null ? null : volume.getLabels().get(ContainerLabels.USER))
                .filter(Objects::nonNull).sorted().toList();
    }

    @Override
    public void export(String learner, OutputStream out) {
        String volume = HomeVolumes.nameOf(box, learner);
        String helper = docker.createContainerCmd(image)
                .withEntrypoint("sleep").withCmd("infinity")
                .withUser("0:0")
                .withLabels(ContainerLabels.of(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "home-copy", ContainerLabels.USER, learner)))
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
            if (tar.exitCode() > 1) throw new BackupException("backup.refused.home-tar", learner, tar.errors());
        } catch (DockerException e) {
            throw new BackupException(e, "backup.refused.home-read", learner, e.getMessage());
        } finally {
            ContainerStops.remove(docker, helper);
        }
    }

    @Override
    public void replace(String learner, InputStream tar) {
        String volume = HomeVolumes.nameOf(box, learner);
        HomeVolumes.remove(docker, volume); // a learner new to this box has none
        docker.createVolumeCmd().withName(volume)
                .withLabels(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "home", ContainerLabels.USER, learner))
                .exec();
        // No copy of the image's home: the home is the backup's, files a learner removed stay removed.
        try {
            VolumeWrites.write(docker, image, volume, SandboxSpecs.HOME, SandboxSpecs.HOME.substring(0, SandboxSpecs.HOME.lastIndexOf('/')),
                    Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "home-copy", ContainerLabels.USER, learner), tar);
        } catch (DockerException e) {
            throw new BackupException(e, "backup.refused.home-write", learner, e.getMessage());
        }
    }

    @Override
    public void removeAll() {
        for (Container sandbox : docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "sandbox")).exec()) {
            ContainerStops.remove(docker, sandbox.getId());
        }
        for (String learner : learners()) HomeVolumes.remove(docker, HomeVolumes.nameOf(box, learner));
        // The pool's homes that no learner claimed: their sandboxes went above.
        docker.listVolumesCmd().withFilter("label", List.of(ContainerLabels.BOX + "=" + box, ContainerLabels.ROLE + "=pool-home"))
                .exec().getVolumes().forEach(pooled -> HomeVolumes.remove(docker, pooled.getName()));
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
            if (copied.exitCode() != 0) throw new BackupException("backup.refused.hub-copy", copied.errors());
            try (TarArchiveInputStream tar = new TarArchiveInputStream(docker.copyArchiveFromContainerCmd(hub.get(), HUB_COPY).exec())) {
                tar.getNextEntry();
                tar.transferTo(database);
            } finally {
                exec(hub.get(), OutputStream.nullOutputStream(), "rm", "-f", HUB_COPY);
            }
            return true;
        } catch (IOException | DockerException e) {
            throw new BackupException(e, "backup.refused.hub-copy", e.getMessage());
        }
    }

    @Override
    public void replaceHubDatabase(InputStream database) {
        String hub = service("hub", false).orElseThrow(() -> new BackupException("backup.refused.no-hub"));
        try {
            byte[] tar = VolumeWrites.tarOf(Map.of(HUB_DATABASE.substring(HUB_DATABASE.lastIndexOf('/') + 1), database.readAllBytes()), 0644);
            docker.copyArchiveToContainerCmd(hub).withRemotePath(HUB_DATABASE.substring(0, HUB_DATABASE.lastIndexOf('/')))
                    .withTarInputStream(new ByteArrayInputStream(tar)).exec();
        } catch (IOException | DockerException e) {
            throw new BackupException(e, "backup.refused.hub-write", e.getMessage());
        }
    }

    @Override
    public boolean exportKeycloak(OutputStream tar) {
        Optional<String> keycloak = service("keycloak", true);
        if (keycloak.isEmpty()) return false;
        try {
            docker.pauseContainerCmd(keycloak.get()).exec();
            try (InputStream files = docker.copyArchiveFromContainerCmd(keycloak.get(), KEYCLOAK_DATA).exec()) {
                files.transferTo(tar);
            } finally {
                docker.unpauseContainerCmd(keycloak.get()).exec();
            }
            return true;
        } catch (IOException | DockerException e) {
            throw new BackupException(e, "backup.refused.keycloak-copy", e.getMessage());
        }
    }

    @Override
    public void replaceKeycloak(InputStream tar) {
        try {
            VolumeWrites.write(docker, image, composeVolume("keycloak-data"), KEYCLOAK_DATA,
                    KEYCLOAK_DATA.substring(0, KEYCLOAK_DATA.lastIndexOf('/')), Map.of(ContainerLabels.BOX, box), tar);
        } catch (DockerException e) {
            throw new BackupException(e, "backup.refused.keycloak-write", e.getMessage());
        }
    }

    @Override
    public void replaceSecrets(Map<String, byte[]> files) {
        try {
            VolumeWrites.write(docker, image, composeVolume("secrets"), SecretFiles.DIR, SecretFiles.DIR, Map.of(ContainerLabels.BOX, box),
                    new ByteArrayInputStream(VolumeWrites.tarOf(files, 0444)));
        } catch (DockerException e) {
            throw new BackupException(e, "backup.refused.secrets-write", e.getMessage());
        }
    }

    /** A volume of the box's compose file by its name there, made as compose would when it is not there yet. */
    private String composeVolume(String name) {
        String volume = box + "_" + name;
        try {
            docker.inspectVolumeCmd(volume).exec();
        } catch (NotFoundException missing) {
            docker.createVolumeCmd().withName(volume).withLabels(Map.of(COMPOSE_PROJECT, box, COMPOSE_VOLUME, name)).exec();
        }
        return volume;
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
        ContainerExec.FirstBytes errors = new ContainerExec.FirstBytes(4096);
        try {
            OptionalLong exit = ContainerExec.run(docker, container, null, Duration.ofHours(2), out, errors, List.of(command));
            if (exit.isEmpty()) throw new BackupException("backup.refused.too-slow", command[0], container);
            return new Executed(exit.getAsLong(), errors.toString());
        } catch (IOException e) {
            throw new BackupException(e, "backup.refused.output", command[0], e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(e, "backup.refused.interrupted", command[0], container);
        }
    }
}
