package org.learnbox.bridge.hub;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.sandbox.SleepRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts to sleep the servers JupyterHub has seen no activity from for longer than the idle timeout
 * (their sandboxes freeze with their kernels, and wake as they were at the next login).
 */
@Component
class IdleCuller {
    private static final Logger log = LoggerFactory.getLogger(IdleCuller.class);

    private final JupyterHubClient hub;
    private final SleepRequests sleeps;
    private final LearnboxProperties properties;
    private final Clock clock;

    IdleCuller(JupyterHubClient hub, SleepRequests sleeps, LearnboxProperties properties, Clock clock) {
        this.hub = hub;
        this.sleeps = sleeps;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${learnbox.hub.cull-every:1m}", initialDelayString = "${learnbox.hub.cull-every:1m}")
    void cullOnSchedule() {
        try {
            List<String> culled = cull();
            if (!culled.isEmpty()) log.info("put idle servers of {} to sleep", culled);
        } catch (RuntimeException hubDown) {
            log.warn("could not look for idle servers: {}", hubDown.getMessage());
        }
    }

    List<String> cull() {
        Instant cutoff = clock.instant().minus(properties.hub().idleTimeout());
        List<String> culled = new ArrayList<>();
        for (JupyterHubClient.HubUser user : hub.users()) {
            JupyterHubClient.HubServer server = user.server();
            if (server == null || !server.ready() || server.pending() != null) continue;
            if (server.lastActivity() != null && server.lastActivity().isBefore(cutoff)) {
                sleeps.ask(user.name());
                hub.stopServer(user.name());
                culled.add(user.name());
            }
        }
        return culled;
    }
}
