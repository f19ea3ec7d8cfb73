package org.learnbox.bridge.assignment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Grading containers made ahead of the submissions, a kernel waiting in each: one of each kind
 * (language and limits) graded lately, made again as soon as one is taken, removed once no
 * grading of its kind came for a while. A box that grades nothing keeps none; at most one per
 * kind waits, so what they hold stays bounded whatever learners submit.
 */
final class GradersAhead<K> implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GradersAhead.class);

    private final Function<K, String> make;
    private final Consumer<String> remove;
    private final long idleNanos;
    private final LongSupplier clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("graders-ahead").daemon().factory());
    private final Map<K, String> ready = new HashMap<>();
    private final Map<K, Long> lastTaken = new HashMap<>();
    private final Set<K> making = new HashSet<>();
    private boolean closed;

    GradersAhead(Function<K, String> make, Consumer<String> remove, Duration idle, LongSupplier clock) {
        this.make = make;
        this.remove = remove;
        this.idleNanos = idle.toNanos();
        this.clock = clock;
    }

    /** The container waiting for this kind, or null when none is; either way another is made for the next submission. */
    synchronized String take(K kind) {
        lastTaken.put(kind, clock.getAsLong());
        String taken = ready.remove(kind);
        makeAhead(kind);
        return taken;
    }

    /** Removes the container afterwards, so the grading it served need not wait for the engine. */
    void removeLater(String container) {
        try {
            worker.execute(() -> quietly(container));
        } catch (java.util.concurrent.RejectedExecutionException closedAlready) {
            quietly(container);
        }
    }

    /** Removes the waiting containers of kinds that nobody took for a while. */
    void removeIdle() {
        List<String> idle = new ArrayList<>();
        synchronized (this) {
            long now = clock.getAsLong();
            ready.entrySet().removeIf(waiting -> {
                boolean unused = now - lastTaken.getOrDefault(waiting.getKey(), now) > idleNanos;
                if (unused) idle.add(waiting.getValue());
                return unused;
            });
        }
        idle.forEach(this::quietly);
    }

    /** Runs after what the worker was handed before (for tests that wait for it). */
    void afterWork(Runnable then) {
        worker.execute(then);
    }

    synchronized int waiting() {
        return ready.size();
    }

    private void makeAhead(K kind) {
        if (closed || ready.containsKey(kind) || !making.add(kind)) return;
        worker.execute(() -> {
            String made = null;
            try {
                made = make.apply(kind);
            } catch (RuntimeException e) {
                log.warn("could not make a grading container ahead: {}", e.getMessage());
            }
            boolean kept;
            synchronized (this) {
                making.remove(kind);
                kept = made != null && !closed && !ready.containsKey(kind);
                if (kept) ready.put(kind, made);
            }
            if (made != null && !kept) quietly(made);
        });
    }

    private void quietly(String container) {
        try {
            remove.accept(container);
        } catch (RuntimeException e) {
            log.warn("could not remove grading container {}: {}", container, e.getMessage());
        }
    }

    /** Removes every waiting container, after what is being made or removed now. */
    @Override
    public void close() {
        List<String> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(ready.values());
            ready.clear();
        }
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        left.forEach(this::quietly);
        // What the worker made after the list was taken, it removed itself (closed was already set).
    }
}
