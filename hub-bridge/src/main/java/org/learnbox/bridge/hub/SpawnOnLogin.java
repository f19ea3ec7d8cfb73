package org.learnbox.bridge.hub;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.learnbox.bridge.identity.Role;
import org.learnbox.bridge.sandbox.SpawnService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * A student who logs in is on the way to their lab: the bridge starts their sandbox at once and
 * asks JupyterHub for the server meanwhile; the sandbox loads while the hub makes the server's
 * token, and the browser is still being handed over.
 * The login answers only once the hub counts the spawn as pending (or over): otherwise the
 * browser's own spawn request could reach the hub in the same moment and fail as a duplicate.
 */
@Component
class SpawnOnLogin {
    private static final Logger log = LoggerFactory.getLogger(SpawnOnLogin.class);
    private static final Duration MOST_WAIT = Duration.ofSeconds(3);

    private final JupyterHubClient hub;
    private final SpawnService spawns;
    private final WorkHours workHours;

    SpawnOnLogin(JupyterHubClient hub, SpawnService spawns, WorkHours workHours) {
        this.hub = hub;
        this.spawns = spawns;
        this.workHours = workHours;
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent success) {
        // Only the login form publishes this; the box API's shared secret does not.
        if (!(success.getAuthentication() instanceof UsernamePasswordAuthenticationToken login)) return;
        // Teachers and admins land on the dashboard: their lab starts when they open it.
        if (!Role.STUDENT.heldBy(login)) return;
        String name = login.getName();
        Thread.ofVirtual().name("start-ahead-" + name).start(() -> spawns.startAhead(name));
        // Done once the hub was asked whether the server runs: true when nothing more is to be awaited.
        CompletableFuture<Boolean> runningAlready = new CompletableFuture<>();
        Thread request = Thread.ofVirtual().name("spawn-on-login-" + name).start(() -> {
            try {
                // A server already running is left alone: the hub's start of one polls it with its spawn
                // pending and no spawn to follow, and a look at its progress meanwhile fails (HTTP 500).
                boolean already = hub.serverStartingOrRunning(name);
                runningAlready.complete(already);
                if (!already) hub.startServer(name);
            } catch (RuntimeException notNow) {
                runningAlready.complete(true);
                log.info("could not start the server of {} at login: {}", name, notNow.getMessage());
            }
        });
        workHours.atWork(name);
        awaitHubTakesIt(name, request, runningAlready);
    }

    /** Asks the hub again only while a start is under way: a class logging in together waits on the hub's answers. */
    private void awaitHubTakesIt(String name, Thread request, CompletableFuture<Boolean> runningAlready) {
        Instant deadline = Instant.now().plus(MOST_WAIT);
        try {
            if (runningAlready.get(MOST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) return;
            while (request.isAlive() && Instant.now().isBefore(deadline)) {
                if (hub.serverStartingOrRunning(name)) return;
                Thread.sleep(20);
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | ExecutionException hubSlow) {
            log.info("the hub did not say in time whether the server of {} runs", name);
        } catch (RuntimeException hubDown) {
            log.info("could not see the server of {} starting: {}", name, hubDown.getMessage());
        }
    }
}
