package org.learnbox.bridge.sandbox;

import java.time.Clock;
import java.util.List;
import org.learnbox.bridge.config.LearnboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sandboxes asleep longer than the box keeps them ({@code learnbox.hub.sleep-for}) stop for good; homes stay. */
@Component
class SleepKeeper {
    private static final Logger log = LoggerFactory.getLogger(SleepKeeper.class);

    private final SpawnService spawns;
    private final LearnboxProperties properties;
    private final Clock clock;

    SleepKeeper(SpawnService spawns, LearnboxProperties properties, Clock clock) {
        this.spawns = spawns;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${learnbox.hub.cull-every:1m}", initialDelayString = "${learnbox.hub.cull-every:1m}")
    void putAwayLongSleepers() {
        try {
            List<String> putAway = spawns.putAwayAsleepSince(clock.instant().minus(properties.hub().sleepFor()));
            if (!putAway.isEmpty()) log.info("stopped for good the sandboxes of {}, asleep longer than {}", putAway, properties.hub().sleepFor());
        } catch (SandboxException dockerDown) {
            log.warn("could not look at sleeping sandboxes: {}", dockerDown.getMessage());
        }
    }
}
