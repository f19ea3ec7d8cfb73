package org.learnbox.bridge.docker;

import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.util.function.Supplier;
import org.learnbox.bridge.config.Causes;
import org.learnbox.bridge.config.Words;

/** Turns the Docker client's failures into messages a person can act on. */
public final class DockerErrors {
    private DockerErrors() {}

    /** The feature's exception for a failure of the engine, in words of the bundles. */
    @FunctionalInterface
    public interface Failure {
        RuntimeException of(Throwable cause, String key, Object... arguments);
    }

    /**
     * Runs a Docker call; a refusal of the engine, or an engine that does not answer ("so" the words
     * of {@code whatStopsKey}), becomes the feature's own exception. The box's own refusals pass as they are.
     */
    public static <T> T translate(Supplier<T> call, Failure failure, String whatStopsKey) {
        try {
            return call.get();
        } catch (DockerException refused) {
            throw failure.of(refused, "docker.refused", refused.getMessage().strip());
        } catch (RuntimeException down) {
            if (!down.getClass().getName().startsWith("org.learnbox.") && isConnectionFailure(down)) {
                throw failure.of(down, "docker.down", Words.phrase(whatStopsKey));
            }
            throw down;
        }
    }

    private static boolean isConnectionFailure(Throwable failure) {
        return Causes.any(failure, IOException.class);
    }
}
