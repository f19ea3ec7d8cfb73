package org.learnbox.bridge.hub;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The people who used the box lately, as JupyterHub counts them (jupyterhub_active_users with
 * period 24h, 7d, 30d, from each user's last activity): asked of the hub once a minute, not at
 * every scrape. The same answer marks the hours people worked ({@link WorkHours}).
 */
@Component
class HubMeters {
    private static final Logger log = LoggerFactory.getLogger(HubMeters.class);
    static final Map<String, Duration> PERIODS = Map.of("24h", Duration.ofDays(1), "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));

    private final JupyterHubClient hub;
    private final WorkHours workHours;
    private final Clock clock;
    private final Map<String, Double> active = new ConcurrentHashMap<>();

    HubMeters(JupyterHubClient hub, WorkHours workHours, Clock clock, MeterRegistry meters) {
        this.hub = hub;
        this.workHours = workHours;
        this.clock = clock;
        PERIODS.keySet().forEach(period -> {
            active.put(period, Double.NaN);
            Gauge.builder("learnbox.active.users", active, counts -> counts.get(period)).tag("period", period)
                    .description("People active on the box within the period").register(meters);
        });
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 5_000)
    void count() {
        List<JupyterHubClient.HubUser> users;
        try {
            users = hub.users();
        } catch (RuntimeException hubDown) {
            log.debug("active users not counted: {}", hubDown.getMessage());
            PERIODS.keySet().forEach(period -> active.put(period, Double.NaN));
            return;
        }
        workHours.seen(users);
        Instant now = clock.instant();
        PERIODS.forEach((period, length) -> active.put(period,
                (double) users.stream().filter(u -> u.lastActivity() != null && u.lastActivity().isAfter(now.minus(length))).count()));
    }
}
