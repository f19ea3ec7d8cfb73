package org.learnbox.bridge.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The sandboxes started ahead of the hub that wait for it now: at most so many at once. One
 * that the hub has not asked for within a while no longer counts (its server gives up by itself).
 */
final class StartsAhead {
    private final int most;
    private final long patienceNanos;
    private final Map<String, Long> waiting = new HashMap<>();

    StartsAhead(int most, Duration patience) {
        this.most = most;
        this.patienceNanos = patience.toNanos();
    }

    /** Whether this learner's sandbox may start ahead now; if so, it waits for the hub from now. */
    synchronized boolean tryTake(String user) {
        long now = System.nanoTime();
        waiting.values().removeIf(since -> now - since > patienceNanos);
        if (waiting.size() >= most) return false;
        waiting.put(user, now);
        return true;
    }

    /** The hub asked for this learner's server (or it did not start ahead after all). */
    synchronized void done(String user) {
        waiting.remove(user);
    }
}
