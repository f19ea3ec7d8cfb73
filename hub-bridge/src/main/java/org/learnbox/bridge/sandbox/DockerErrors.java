package org.learnbox.bridge.sandbox;

import com.github.dockerjava.api.exception.DockerException;
import java.util.function.Supplier;

/** Turns the Docker client's failures into messages a person can act on. */
final class DockerErrors {
    private DockerErrors() {}

    static <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (SandboxException known) {
            throw known;
        } catch (DockerException refused) {
            throw new SandboxException("The Docker engine refused: " + refused.getMessage().strip(), refused);
        } catch (RuntimeException down) {
            if (isConnectionFailure(down)) {
                throw new SandboxException("The Docker engine is not answering, so no sandbox can start."
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
