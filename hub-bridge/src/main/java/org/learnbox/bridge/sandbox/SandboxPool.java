package org.learnbox.bridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.learnbox.bridge.config.LearnboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code learnbox.sandbox.pool} sandboxes started for learners who never had one: a class
 * new to the box logs in together and finds its servers loaded, not twenty containers for the
 * engine to start one after another. Refilled one at a time in the background, never past the
 * box's limits nor into the memory a learner's start needs, and not while learners claim: a
 * class arriving needs the engine's time for its own logins.
 */
@Component
class SandboxPool {
    private static final Logger log = LoggerFactory.getLogger(SandboxPool.class);

    private final SandboxRuntime runtime;
    private final SandboxSpecs specs;
    private final MachineMemory memory;
    private final int size;
    private final int maxRunning;
    private final long roomKept;
    private final Duration quietAfterClaims;
    private final Clock clock;
    private int waitingBefore;
    private Instant lastClaimSeen = Instant.MIN;

    SandboxPool(SandboxRuntime runtime, SandboxSpecs specs, MachineMemory memory, LearnboxProperties properties,
            @Value("${learnbox.sandbox.pool-quiet-after-claims:10s}") Duration quietAfterClaims, Clock clock) {
        this.runtime = runtime;
        this.specs = specs;
        this.memory = memory;
        this.quietAfterClaims = quietAfterClaims;
        this.clock = clock;
        this.size = properties.sandbox().pool();
        this.maxRunning = properties.sandbox().maxRunning();
        // What a learner's start is refused below, and one sandbox's worth more: the pool never takes a learner's room.
        this.roomKept = properties.sandbox().minFreeMemory().toBytes() + properties.sandbox().memory().toBytes();
    }

    /** The pool a bridge before this one left was made with its image and settings: it goes. */
    @EventListener(ApplicationReadyEvent.class)
    void emptyTheOldPool() {
        try {
            runtime.emptyPool();
        } catch (SandboxException notNow) {
            log.info("the pool left by the bridge before could not be removed: {}", notNow.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${learnbox.sandbox.pool-every:3s}", initialDelayString = "${learnbox.sandbox.pool-every:3s}")
    void refill() {
        if (size == 0) return;
        try {
            int waiting = runtime.pooled();
            Instant now = clock.instant();
            if (waiting < waitingBefore) lastClaimSeen = now;
            waitingBefore = waiting;
            if (lastClaimSeen.isAfter(now.minus(quietAfterClaims))) return;
            if (waiting >= size || runtime.runningUsers().size() + waiting >= maxRunning) return;
            java.util.OptionalLong free = memory.available();
            if (free.isPresent() && free.getAsLong() < roomKept) return;
            runtime.startForThePool(specs.forPool(UUID.randomUUID().toString().substring(0, 8)));
            waitingBefore = waiting + 1;
            log.info("a sandbox of the pool started ({} of {} waiting)", waiting + 1, size);
        } catch (SandboxException notNow) {
            log.info("the pool could not start a sandbox: {}", notNow.getMessage());
        }
    }
}
