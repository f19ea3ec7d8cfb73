package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** Anyone who may push names the projects; the locks of their deploys must not grow with the names. */
class ProjectLocksTest {
    private static final long BOUND = 4L << 20;

    @Test
    void aFloodOfProjectNamesKeepsOnlyTheLocksOfDeploysUnderWayAndTheyStillExcludeEachOther() throws Exception {
        ProjectLocks locks = new ProjectLocks();
        ReentrantLock deploying = locks.of("ada", "garden");
        deploying.lock();

        for (int i = 0; i < 100_000; i++) {
            ReentrantLock lock = locks.of("mallory", "project-" + i);
            lock.lock();
            lock.unlock();
        }
        deploying.unlock(); // still awaited (referenced), so kept; a held lock would reach its thread, and all a JVM holds
        // The locks no deploy holds go with the next collection; the cache forgets them at its next upkeep (a call).
        long kept = Long.MAX_VALUE;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        for (int probe = 0; kept >= BOUND && Instant.now().isBefore(deadline); probe++) {
            System.gc();
            locks.of("mallory", "after-" + probe);
            kept = GraphLayout.parseInstance(locks).totalSize();
        }
        System.out.printf("the project locks keep %.1f MiB after 100 000 projects%n", kept / 1048576.0);
        assertThat(kept).as("bytes kept after the flood").isLessThan(BOUND);

        assertThat(locks.of("ada", "garden")).as("the lock of the deploy under way").isSameAs(deploying);
        deploying.lock();
        assertThat(CompletableFuture.supplyAsync(() -> locks.of("ada", "garden").tryLock()).get())
                .as("another push of the same project waits").isFalse();
        assertThat(CompletableFuture.supplyAsync(() -> {
            ReentrantLock other = locks.of("ada", "orchard");
            boolean taken = other.tryLock();
            if (taken) other.unlock();
            return taken;
        }).get()).as("a push of another project does not").isTrue();
        deploying.unlock();
    }
}
