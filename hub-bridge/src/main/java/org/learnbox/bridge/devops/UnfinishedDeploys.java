package org.learnbox.bridge.devops;

import java.time.Clock;
import java.util.List;
import org.learnbox.bridge.app.AppException;
import org.learnbox.bridge.app.AppService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deploys and restarts of the bridge. On start, before the git server takes a push, what a
 * restart left midway goes: builds nobody waits for, a new release starting beside the running
 * one, an old one about to go; their releases are failed with the reason. The release that served
 * before the restart serves on.
 */
@Component
class UnfinishedDeploys implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(UnfinishedDeploys.class);
    static final String WHY = "The box restarted while this release was being made; the release before it serves on."
            + " Push again to deploy.";

    private final ReleaseRepository releases;
    private final BuildRuntime builder;
    private final AppService apps;
    private final Clock clock;
    private volatile boolean running;

    UnfinishedDeploys(ReleaseRepository releases, BuildRuntime builder, AppService apps, Clock clock) {
        this.releases = releases;
        this.builder = builder;
        this.apps = apps;
        this.clock = clock;
    }

    @Override
    public void start() {
        try {
            List<String> builds = builder.removeUnfinished();
            List<String> switches = apps.removeUnfinishedSwitches();
            if (!builds.isEmpty() || !switches.isEmpty()) {
                log.info("removed what a restart left midway: builds {}, release containers {}", builds, switches);
            }
        } catch (BuildRuntime.BuildFailed | AppException dockerDown) {
            log.warn("could not tidy the deploys left midway: {}", dockerDown.getMessage());
        }
        for (Release release : releases.findByState(Release.State.BUILDING)) {
            release.interrupt(WHY, clock.instant());
            releases.save(release);
            log.info("release {} of {}/{} was left midway by a restart; it is failed", release.getNumber(),
                    release.getOwner(), release.getProject());
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's phase, like the sandboxes' reconciliation. */
    @Override
    public int getPhase() {
        return 0;
    }
}
