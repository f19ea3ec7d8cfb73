package org.learnbox.bridge.pause;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.learnbox.bridge.app.AppService;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The box going down for a while (./box down) and coming back: learners' servers are stopped
 * through the hub and their names kept on the data volume, live apps go to sleep; as the bridge
 * starts again, the hub is asked to start those servers (homes were kept; kernels start afresh).
 * Apps wake on their next visitor, as after any sleep.
 */
@Service
public class BoxPause {
    private static final Logger log = LoggerFactory.getLogger(BoxPause.class);
    private static final Duration STOPS_TAKE_AT_MOST = Duration.ofSeconds(90);
    private static final Duration HUB_COMES_WITHIN = Duration.ofMinutes(10);

    /** What pausing stopped. */
    public record Paused(List<String> servers, int apps) {}

    private final JupyterHubClient hub;
    private final SandboxRuntime sandboxes;
    private final AppService apps;
    private final Path serversToResume;
    private final Clock clock;

    BoxPause(JupyterHubClient hub, SandboxRuntime sandboxes, AppService apps,
            @Value("${learnbox.pause.servers-to-resume}") Path serversToResume, Clock clock) {
        this.hub = hub;
        this.sandboxes = sandboxes;
        this.apps = apps;
        this.serversToResume = serversToResume;
        this.clock = clock;
    }

    /** Stops every learner's server and app; the servers' owners are kept for the next start. */
    public Paused pause() throws IOException {
        Set<String> running = new TreeSet<>(sandboxes.runningUsers());
        hub.users().stream().filter(user -> user.servers() != null && user.servers().containsKey("")).forEach(user -> running.add(user.name()));
        running.removeIf(user -> user == null);
        Set<String> kept = new TreeSet<>(running);
        if (Files.exists(serversToResume)) kept.addAll(Files.readAllLines(serversToResume)); // a second pause keeps the first's
        Files.createDirectories(serversToResume.toAbsolutePath().getParent());
        Files.write(serversToResume, kept);
        running.forEach(hub::stopServer);
        // Stops end in the hub's own time; the box goes down once the hub counts none of them as active.
        Instant deadline = clock.instant().plus(STOPS_TAKE_AT_MOST);
        while (!activeServers(running).isEmpty() && clock.instant().isBefore(deadline)) sleep(Duration.ofMillis(250));
        int slept = apps.sleepAll();
        log.info("paused: stopped the servers of {} and {} live app(s)", running, slept);
        return new Paused(List.copyOf(running), slept);
    }

    private Set<String> activeServers(Set<String> among) {
        Set<String> active = new TreeSet<>();
        hub.users().stream().filter(user -> among.contains(user.name()) && user.servers() != null && user.servers().containsKey(""))
                .forEach(user -> active.add(user.name()));
        return active;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAtStart() {
        if (Files.exists(serversToResume)) Thread.ofVirtual().name("resume-servers").start(this::resume);
    }

    /** Starts the kept servers once the hub answers (it may start after the bridge). */
    void resume() {
        try {
            List<String> users = Files.readAllLines(serversToResume).stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
            Instant deadline = clock.instant().plus(HUB_COMES_WITHIN);
            while (!hubAnswers()) {
                if (clock.instant().isAfter(deadline)) {
                    log.warn("the hub did not answer within {}; the servers of {} start when their owners open them", HUB_COMES_WITHIN, users);
                    return;
                }
                sleep(Duration.ofSeconds(1));
            }
            for (String user : users) {
                try {
                    hub.startServer(user);
                } catch (RuntimeException refused) {
                    log.warn("the server of {} did not start again: {}", user, refused.getMessage());
                }
            }
            Files.delete(serversToResume);
            log.info("resumed: asked the hub to start the servers of {}", users);
        } catch (IOException e) {
            log.warn("could not read the servers to start again ({}): {}", serversToResume, e.getMessage());
        }
    }

    private boolean hubAnswers() {
        try {
            hub.users();
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static void sleep(Duration time) {
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
