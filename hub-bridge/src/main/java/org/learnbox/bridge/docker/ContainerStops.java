package org.learnbox.bridge.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;

/**
 * Every Docker call on a container's way to stopped or removed. A container may get there by
 * itself between the look and the call (an app that exits at start, a build that ends); then
 * the engine answers "already so" (304 on stop, 404 when gone, 409 when not running or already
 * being removed), which is what the caller asked for: done, not a refusal.
 */
public final class ContainerStops {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ContainerStops.class);

    private ContainerStops() {}

    /** Stops the container, killing it after {@code seconds}; one already stopped or gone is done. */
    public static void stop(DockerClient docker, String container, int seconds) {
        try {
            docker.stopContainerCmd(container).withTimeout(seconds).exec();
        } catch (NotModifiedException | NotFoundException already) {
            log.debug("container {} had stopped already", container);
        }
    }

    /** Kills the container; answers whether it was running (one that ended or is gone is left as it is). */
    public static boolean kill(DockerClient docker, String container) {
        try {
            docker.killContainerCmd(container).exec();
            return true;
        } catch (NotFoundException | ConflictException notRunning) {
            log.debug("container {} was not running", container);
            return false;
        }
    }

    /** Removes the container, running or not; one that is gone, or being removed by another call, is done. */
    public static void remove(DockerClient docker, String container) {
        try {
            docker.removeContainerCmd(container).withForce(true).exec();
        } catch (NotFoundException | ConflictException alreadyGoing) {
            log.debug("container {} was already gone or going", container);
        }
    }
}
