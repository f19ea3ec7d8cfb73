package org.learnbox.bridge.sandbox;

import com.github.dockerjava.api.exception.DockerException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Turns the Docker client's failures into messages a person can act on. */
public final class DockerErrors {
    private DockerErrors() {}

    static <T> T translate(Supplier<T> call) {
        return translate(call, SandboxException::new, "no sandbox can start");
    }

    /**
     * Runs a Docker call; a refusal of the engine, or an engine that does not answer ("so
     * {@code whatStops}"), becomes the feature's own exception. The box's own refusals pass as they are.
     */
    public static <T> T translate(Supplier<T> call, BiFunction<String, Throwable, ? extends RuntimeException> failure,
            String whatStops) {
        try {
            return call.get();
        } catch (DockerException refused) {
            throw failure.apply("The Docker engine refused: " + refused.getMessage().strip(), refused);
        } catch (RuntimeException down) {
            if (!down.getClass().getName().startsWith("org.learnbox.") && isConnectionFailure(down)) {
                throw failure.apply("The Docker engine is not answering, so " + whatStops + "."
                        + " A teacher can check it with: ./box status", down);
            }
            throw down;
        }
    }

    private static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) return true;
        }
        return false;
    }
}
