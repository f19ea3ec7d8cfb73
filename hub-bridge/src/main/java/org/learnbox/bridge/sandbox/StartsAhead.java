package org.learnbox.bridge.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/** At most so many sandboxes started ahead of the hub in any window of time. */
final class StartsAhead {
    private final int most;
    private final long windowNanos;
    private final Deque<Long> recent = new ArrayDeque<>();

    StartsAhead(int most, Duration window) {
        this.most = most;
        this.windowNanos = window.toNanos();
    }

    /** Whether one more may start ahead now; if so, it counts. */
    synchronized boolean tryTake() {
        long now = System.nanoTime();
        while (!recent.isEmpty() && now - recent.peekFirst() > windowNanos) recent.removeFirst();
        if (recent.size() >= most) return false;
        recent.addLast(now);
        return true;
    }
}
