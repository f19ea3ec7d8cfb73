package org.learnbox.bridge.devops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When the bridge stops, builds under way are stopped first, with a reason: each push waiting
 * for one hears why and ends, so the web server's graceful shutdown has no push to wait for and
 * no git client is left hanging.
 */
@Component
class BuildsEndWithTheBridge implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BuildsEndWithTheBridge.class);
    static final String WHY = "The box is restarting, so the build was stopped; the release before it serves on."
            + " Push again in a minute.";

    private final BuildRuntime builder;
    private volatile boolean running;

    BuildsEndWithTheBridge(BuildRuntime builder) {
        this.builder = builder;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            builder.stopAll(WHY);
        } catch (BuildRuntime.BuildFailed dockerDown) {
            log.warn("could not stop the builds under way: {}", dockerDown.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else, the web server's graceful shutdown first of all. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
