package org.learnbox.bridge.devops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Releases of one project go one at a time, in the order they came (fair locks). A lock is kept
 * only while a deploy holds or awaits it (weak values), so a flood of project names keeps no more
 * locks than deploys under way.
 */
final class ProjectLocks {
    /** Its upkeep (forgetting collected locks) runs on the caller's thread, as part of the next call. */
    private final Cache<String, ReentrantLock> locks = Caffeine.newBuilder().weakValues().executor(Runnable::run).build();

    ReentrantLock of(String owner, String project) {
        return locks.get(owner + "/" + project, key -> new ReentrantLock(true));
    }
}
