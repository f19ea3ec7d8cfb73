package org.learnbox.bridge.classroom;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.hub.JupyterHubClient.HubServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * "Open the class": before a lesson the servers of a class's students start (or wake), so a class
 * logging in together finds them ready. They start through the hub, as a login would, two at a time
 * on the whole box: more at once only crowd the machine's CPUs and the hub. Servers no one claims
 * are idle, and the idle cull puts them back to sleep.
 */
@Component
class ClassOpening {
    private static final Logger log = LoggerFactory.getLogger(ClassOpening.class);
    static final int AT_ONCE = 2;
    private static final Duration MOST_WAIT_FOR_ONE = Duration.ofMinutes(3);

    private final JupyterHubClient hub;
    private final Duration lookEvery;
    private final Semaphore starting = new Semaphore(AT_ONCE, true);
    /** Students whose server this box is opening now: a second press leaves them be. */
    private final Set<String> underWay = ConcurrentHashMap.newKeySet();

    @Autowired
    ClassOpening(JupyterHubClient hub) {
        this(hub, Duration.ofMillis(250));
    }

    ClassOpening(JupyterHubClient hub, Duration lookEvery) {
        this.hub = hub;
        this.lookEvery = lookEvery;
    }

    /** Starts the servers of those students neither starting nor running; answers whose it starts. */
    List<String> open(Collection<String> students) {
        Map<String, HubServer> servers = hub.users().stream()
                .filter(user -> user.server() != null)
                .collect(Collectors.toMap(JupyterHubClient.HubUser::name, JupyterHubClient.HubUser::server, (first, again) -> first));
        List<String> toStart = new ArrayList<>();
        for (String student : students) {
            HubServer server = servers.get(student);
            boolean startingOrRunning = server != null && (server.ready() || server.pending() != null);
            if (!startingOrRunning && underWay.add(student)) toStart.add(student);
        }
        for (String student : toStart) Thread.ofVirtual().name("open-class-" + student).start(() -> startOne(student));
        return toStart;
    }

    /** Whether the box is opening this student's server now (it may still wait for its turn). */
    boolean isUnderWay(String student) {
        return underWay.contains(student);
    }

    private void startOne(String student) {
        try {
            starting.acquire();
            try {
                if (!hub.serverStartingOrRunning(student)) hub.startServer(student);
                awaitSettled(student);
            } finally {
                starting.release();
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException refused) {
            log.info("could not open the server of {}: {}", student, refused.getMessage());
        } finally {
            underWay.remove(student);
        }
    }

    /** Until the server is ready, or the hub gave up on it (it is gone), or a few minutes passed. */
    private void awaitSettled(String student) throws InterruptedException {
        Instant deadline = Instant.now().plus(MOST_WAIT_FOR_ONE);
        while (Instant.now().isBefore(deadline)) {
            Optional<HubServer> server = hub.serverOf(student);
            if (server.isEmpty() || server.get().ready()) return;
            Thread.sleep(lookEvery);
        }
        log.info("the server of {} was not ready within {} of opening the class", student, MOST_WAIT_FOR_ONE);
    }
}
