package org.learnbox.bridge.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.StreamType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.learnbox.bridge.docker.ContainerExec;
import org.learnbox.bridge.docker.ContainerLabels;
import org.learnbox.bridge.docker.ContainerStops;
import org.learnbox.bridge.docker.HomeVolumes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box reading a learner's home (a teacher's look at their work). Where the bridge sees the
 * engine's volumes (read-only, at the path the engine gives), straight from the home's folder;
 * else through their sandbox while it runs, or through a container of the sandbox image that
 * mounts the home read-only, has no network and is removed after (each such read costs the
 * engine a process of its own: some 150 ms). What is read is bounded, whatever the home holds.
 */
final class DockerHomeReads {
    private static final Logger log = LoggerFactory.getLogger(DockerHomeReads.class);
    /** The most bytes of a listing read: a few thousand paths. */
    static final int MOST_LISTING_BYTES = 1024 * 1024;
    private static final Duration FIND_TIME = Duration.ofSeconds(30);
    private static final String ROLE = "home-reader";

    private final DockerClient docker;
    private final String box;
    private final String image;
    private final Optional<Path> volumesFolder;
    private final AtomicBoolean toldUnseen = new AtomicBoolean();

    /** {@code volumesFolder}: where the bridge sees the engine's volumes, or empty when it does not. */
    DockerHomeReads(DockerClient docker, String box, String image, String volumesFolder) {
        this.docker = docker;
        this.box = box;
        this.image = image;
        this.volumesFolder = volumesFolder == null || volumesFolder.isBlank() ? Optional.empty() : Optional.of(Path.of(volumesFolder));
    }

    /** Files of the home whose names end with {@code suffix}, hidden folders and files left out, at most {@code most}. */
    HomeListing find(String user, String suffix, int most) {
        Optional<HomeFolder> seen = seen(user);
        if (seen.isPresent()) {
            try {
                return seen.get().find(suffix, most);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> command = List.of("find", SandboxSpecs.HOME, "-mindepth", "1", "-name", ".*", "-prune", "-o",
                "-type", "f", "-name", "*" + suffix, "-printf", "%s %T@ %P\\0");
        ContainerExec.FirstBytes listing = new ContainerExec.FirstBytes(MOST_LISTING_BYTES);
        try {
            try {
                ContainerExec.run(docker, DockerSandboxNames.container(box, user), "1000:1000", FIND_TIME, listing,
                        java.io.OutputStream.nullOutputStream(), command);
            } catch (NotFoundException | ConflictException notRunning) {
                listing = findApart(user, command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(e, "sandbox.refused.interrupted-home", user);
        }
        return parse(listing.bytes(), most);
    }

    /** As {@link SandboxRuntime#readInHome}. */
    HomeRead read(String user, String pathInHome, int most) {
        Optional<HomeFolder> seen = seen(user);
        try {
            if (seen.isPresent()) return seen.get().read(pathInHome, most);
        } catch (NoSuchFileException missing) {
            throw SandboxException.notFound("sandbox.refused.no-file", pathInHome, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InputStream archive;
        try {
            archive = copy(user, pathInHome);
        } catch (SandboxException gone) {
            if (!List.of(gone.getCodes()).contains("sandbox.refused.no-folder")) throw gone;
            throw SandboxException.notFound("sandbox.refused.no-file", pathInHome, user);
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry entry = tar.getNextEntry();
            // A regular file only: the archive gives a pipe, a device or a link as an entry of its own kind.
            if (entry == null || !entry.isFile() || entry.isFIFO() || entry.isCharacterDevice() || entry.isBlockDevice()
                    || entry.isSymbolicLink() || entry.isLink()) {
                throw SandboxException.notFound("sandbox.refused.no-file", pathInHome, user);
            }
            if (entry.getSize() > most) return new HomeRead(entry.getSize(), null);
            return new HomeRead(entry.getSize(), tar.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The home's folder as the bridge sees it, when it does: the home volume's folder, or the folder
     * it is bound to (a home that was a pool sandbox's), under the engine's volumes folder.
     */
    private Optional<HomeFolder> seen(String user) {
        if (volumesFolder.isEmpty()) return Optional.empty();
        InspectVolumeResponse volume;
        try {
            volume = docker.inspectVolumeCmd(HomeVolumes.nameOf(box, user)).exec();
        } catch (NotFoundException never) {
            throw SandboxException.notFound("sandbox.refused.none-yet", user);
        }
        Map<String, String> options = volume.getOptions() == null ? Map.of() : volume.getOptions();
        Path folder = Path.of("bind".equals(options.get("o")) && options.containsKey("device") ? options.get("device") : volume.getMountpoint());
        if (folder.startsWith(volumesFolder.get()) && Files.isDirectory(folder)) return Optional.of(new HomeFolder(folder));
        if (toldUnseen.compareAndSet(false, true)) {
            log.warn("learners' homes are read through Docker (slower): {} is not under {} as this bridge sees it", folder, volumesFolder.get());
        }
        return Optional.empty();
    }

    /** The home's folder or file at {@code pathInHome} as a tar, as Docker's archive API gives it. */
    InputStream copy(String user, String pathInHome) {
        String path = SandboxSpecs.HOME + "/" + pathInHome;
        try {
            return docker.copyArchiveFromContainerCmd(DockerSandboxNames.container(box, user), path).exec();
        } catch (NotFoundException noSandbox) {
            // no sandbox now, or no such path: a reader that is created, never started, tells which
        }
        String reader = reader(user, List.of("true"));
        try {
            InputStream tar = docker.copyArchiveFromContainerCmd(reader, path).exec();
            return new FilterInputStream(tar) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        ContainerStops.remove(docker, reader);
                    }
                }
            };
        } catch (NotFoundException missing) {
            ContainerStops.remove(docker, reader);
            throw SandboxException.notFound("sandbox.refused.no-folder", pathInHome, user);
        } catch (RuntimeException e) {
            ContainerStops.remove(docker, reader);
            throw e;
        }
    }

    private ContainerExec.FirstBytes findApart(String user, List<String> command) throws InterruptedException {
        String reader = reader(user, command);
        try {
            docker.startContainerCmd(reader).exec();
            try {
                docker.waitContainerCmd(reader).start().awaitStatusCode(FIND_TIME.toSeconds(), TimeUnit.SECONDS);
            } catch (com.github.dockerjava.api.exception.DockerClientException tooSlow) {
                throw new SandboxException("sandbox.refused.home-too-slow", user);
            }
            ContainerExec.FirstBytes listing = new ContainerExec.FirstBytes(MOST_LISTING_BYTES);
            docker.logContainerCmd(reader).withStdOut(true).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    if (frame.getStreamType() == StreamType.STDOUT) listing.write(frame.getPayload(), 0, frame.getPayload().length);
                }
            }).awaitCompletion(FIND_TIME.toSeconds(), TimeUnit.SECONDS);
            return listing;
        } finally {
            ContainerStops.remove(docker, reader);
        }
    }

    /** A container that mounts the learner's home read-only and nothing else; the home must exist. */
    private String reader(String user, List<String> command) {
        String volume = HomeVolumes.nameOf(box, user);
        try {
            docker.inspectVolumeCmd(volume).exec();
        } catch (NotFoundException never) {
            throw SandboxException.notFound("sandbox.refused.none-yet", user);
        }
        return docker.createContainerCmd(image)
                .withEntrypoint(command.getFirst())
                .withCmd(command.subList(1, command.size()))
                .withUser("1000:1000")
                .withLabels(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, ROLE, ContainerLabels.USER, user))
                .withNetworkDisabled(true)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withMemory(128L * 1024 * 1024)
                        .withPidsLimit(32L).withReadonlyRootfs(true)
                        .withMounts(List.of(new Mount().withType(MountType.VOLUME).withSource(volume)
                                .withTarget(SandboxSpecs.HOME).withReadOnly(true))))
                .exec().getId();
    }

    /** find's "SIZE SECONDS PATH\0" records; a record the byte bound cut in two is left out. */
    static HomeListing parse(byte[] listing, int most) {
        List<HomeFile> files = new ArrayList<>();
        boolean cut = listing.length >= MOST_LISTING_BYTES;
        int start = 0;
        for (int end = 0; end < listing.length; end++) {
            if (listing[end] != 0) continue;
            String[] record = new String(listing, start, end - start, StandardCharsets.UTF_8).split(" ", 3);
            start = end + 1;
            if (record.length < 3) continue;
            if (files.size() == most) {
                cut = true;
                break;
            }
            BigDecimal seconds = new BigDecimal(record[1]);
            files.add(new HomeFile(record[2], Long.parseLong(record[0]),
                    Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue())));
        }
        files.sort(Comparator.comparing(HomeFile::path));
        return new HomeListing(List.copyOf(files), cut);
    }
}
