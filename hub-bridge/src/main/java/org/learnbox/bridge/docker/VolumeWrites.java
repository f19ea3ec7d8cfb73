package org.learnbox.bridge.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.VolumeOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The one way files are written into a volume that no running container holds: through a
 * container of {@code image} that mounts it and is created, never started (Docker's archive API
 * writes into a created container's volumes), then removed.
 */
public final class VolumeWrites {
    private VolumeWrites() {}

    /**
     * Unpacks {@code tar} at {@code unpackAt}, with the volume mounted at {@code mountedAt} (the
     * same folder or one of its parents); the image's own files there are not copied in.
     */
    public static void write(DockerClient docker, String image, String volume, String mountedAt, String unpackAt, Map<String, String> labels,
            InputStream tar) {
        String helper = docker.createContainerCmd(image).withLabels(ContainerLabels.of(labels))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                        .withMounts(List.of(new Mount().withType(MountType.VOLUME).withSource(volume).withTarget(mountedAt)
                                .withVolumeOptions(new VolumeOptions().withNoCopy(true)))))
                .exec().getId();
        try {
            docker.copyArchiveToContainerCmd(helper).withRemotePath(unpackAt).withTarInputStream(tar).exec();
        } finally {
            ContainerStops.remove(docker, helper);
        }
    }

    /** A tar of files by name, each with {@code mode}, owned by root. */
    public static byte[] tarOf(Map<String, byte[]> files, int mode) {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream entries = new TarArchiveOutputStream(tar)) {
            for (var file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                entry.setMode(0100000 | mode);
                entries.putArchiveEntry(entry);
                entries.write(file.getValue());
                entries.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tar.toByteArray();
    }
}
