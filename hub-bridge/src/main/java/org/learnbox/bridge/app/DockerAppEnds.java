package org.learnbox.bridge.app;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.learnbox.bridge.sandbox.SandboxSpecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.learnbox.bridge.docker.ContainerLabels;

/**
 * Which apps' containers last ended because they used all their memory, from Docker's events.
 * Docker's own state forgets it once its restart policy starts the app again, and its owner
 * should still read why it crashed.
 */
final class DockerAppEnds {
    private static final Logger log = LoggerFactory.getLogger(DockerAppEnds.class);
    private static final String KILLED = "137";

    private final DockerClient docker;
    private final String box;
    private final Set<String> outOfMemory = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService again = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "app-ends");
        thread.setDaemon(true);
        return thread;
    });

    DockerAppEnds(DockerClient docker, String box) {
        this.docker = docker;
        this.box = box;
        listen();
    }

    boolean outOfMemory(String containerId) {
        return outOfMemory.contains(containerId);
    }

    private void listen() {
        docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER).withEventFilter("oom", "die")
                .withLabelFilter(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "app"))
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        String container = event.getActor() == null ? event.getId() : event.getActor().getId();
                        if ("oom".equals(event.getAction())) {
                            outOfMemory.add(container);
                        } else if (event.getActor() != null
                                && !KILLED.equals(event.getActor().getAttributes().get("exitCode"))) {
                            outOfMemory.remove(container); // it ended for another reason since
                        }
                    }

                    @Override
                    public void onError(Throwable error) {
                        log.debug("Docker's events stopped ({}); listening again in 5 s", error.toString());
                        again.schedule(DockerAppEnds.this::listen, 5, TimeUnit.SECONDS);
                    }

                    @Override
                    public void onComplete() {
                        again.schedule(DockerAppEnds.this::listen, 5, TimeUnit.SECONDS);
                    }
                });
    }
}
