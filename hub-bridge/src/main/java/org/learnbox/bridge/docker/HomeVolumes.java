package org.learnbox.bridge.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Map;

/** A learner's home volume goes with the files it holds: a home that was a pool sandbox's keeps them in the pool's volume. */
public final class HomeVolumes {
    private HomeVolumes() {}

    /** The volume that holds a learner's home: it outlives their sandboxes. */
    public static String nameOf(String box, String user) {
        return box + "-home-" + user;
    }

    /** Removes the volume, and the pool's volume that holds its files if it has one; a volume already gone is done. */
    public static void remove(DockerClient docker, String volume) {
        String holder;
        try {
            Map<String, String> labels = docker.inspectVolumeCmd(volume).exec().getLabels();
            holder = labels == null ? null : labels.get(ContainerLabels.HOME_IN);
            docker.removeVolumeCmd(volume).exec();
        } catch (NotFoundException gone) {
            return;
        }
        if (holder == null) return;
        try {
            docker.removeVolumeCmd(holder).exec();
        } catch (NotFoundException gone) {
            // removed by hand meanwhile
        }
    }
}
