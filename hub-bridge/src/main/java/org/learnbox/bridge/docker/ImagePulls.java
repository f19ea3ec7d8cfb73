package org.learnbox.bridge.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.learnbox.bridge.config.LearnboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a runtime image (sandbox, builder, an app's runtime) is made present: it is there,
 * or, when its name starts with a registry ({@code HOST.DOMAIN/}, {@code HOST:PORT/},
 * {@code localhost/}), it is pulled from there. A name without one is never pulled: on Docker
 * Hub, {@code learnbox/...} would be a stranger's image.
 */
@org.springframework.stereotype.Component
public class ImagePulls {
    private static final Logger log = LoggerFactory.getLogger(ImagePulls.class);
    private static final Duration PULL_LIMIT = Duration.ofMinutes(20);

    private final DockerClient docker;
    private final String sandboxImage;

    ImagePulls(DockerClient docker, LearnboxProperties properties) {
        this.docker = docker;
        this.sandboxImage = properties.sandbox().image();
    }

    /** Every learner needs the sandbox image: a box whose images come from a registry pulls it as it starts. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void pullTheSandboxImageAtStart() {
        if (fromRegistry(sandboxImage)) Thread.ofVirtual().name("pull-sandbox-image").start(() -> present(docker, sandboxImage));
    }

    /** Whether {@code image} is on this engine, after pulling it when it comes from a registry and was missing. */
    public static boolean present(DockerClient docker, String image) {
        if (exists(docker, image)) return true;
        if (!fromRegistry(image)) return false;
        log.info("pulling {}", image);
        try (var pull = docker.pullImageCmd(image).exec(new ResultCallback.Adapter<PullResponseItem>())) {
            if (!pull.awaitCompletion(PULL_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) log.warn("pulling {} took over {}", image, PULL_LIMIT);
        } catch (DockerException refused) {
            log.warn("pulling {} failed: {}", image, refused.getMessage());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException | RuntimeException failed) {
            log.warn("pulling {} failed: {}", image, failed.toString());
        }
        return exists(docker, image);
    }

    private static boolean exists(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException missing) {
            return false;
        }
    }

    /** Docker's own rule: the name's first part is a registry when it has a dot or a port, or is localhost. */
    static boolean fromRegistry(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) return false;
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }
}
