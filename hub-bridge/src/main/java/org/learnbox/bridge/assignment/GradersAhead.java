package org.learnbox.bridge.assignment;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Grading containers made ahead of the submissions, a kernel waiting in each, for each kind
 * (language and limits) graded lately: one, made again as soon as it is taken; more, up to
 * {@code most}, while submissions come faster than they are made (a class submitting at once);
 * none once no grading of the kind came for a while. A box that grades nothing keeps none, and
 * at most {@code most} of a kind wait, whatever learners submit.
 */
final class GradersAhead<K> implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GradersAhead.class);

    private final Function<K, String> make;
    private final Consumer<String> remove;
    private final int most;
    private final long idleNanos;
    private final LongSupplier clock;
    private final ExecutorService maker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("graders-ahead").daemon().factory());
    private final ExecutorService remover = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("graders-used").daemon().factory());
    private final Map<K, Deque<String>> ready = new HashMap<>();
    private final Map<K, Integer> making = new HashMap<>();
    private final Map<K, Integer> wanted = new HashMap<>();
    private final Map<K, Long> lastTaken = new HashMap<>();
    private boolean closed;

    GradersAhead(Function<K, String> make, Consumer<String> remove, int most, Duration idle, LongSupplier clock) {
        this.make = make;
        this.remove = remove;
        this.most = Math.max(1, most);
        this.idleNanos = idle.toNanos();
        this.clock = clock;
    }

    /** A container waiting for this kind, or null when none is; {@link #madeAgain} makes more once it is used. */
    synchronized String take(K kind) {
        lastTaken.put(kind, clock.getAsLong());
        Deque<String> waiting = ready.get(kind);
        String taken = waiting == null ? null : waiting.poll();
        // A submission that found none while others are graded: they come faster than one is made, so keep one more.
        if (taken == null && making.getOrDefault(kind, 0) > 0) {
            wanted.merge(kind, 1, (was, one) -> Math.min(most, was + one));
        }
        return taken;
    }

    /**
     * Makes containers of this kind for the next submissions, as many as are wanted; called once a grading is
     * done, so that making the next does not take the CPU from the grading a student waits for.
     */
    synchronized void madeAgain(K kind) {
        makeAhead(kind);
    }

    /** Removes the container off the grading's path, so the grading it served need not wait for the engine. */
    void removeLater(String container) {
        try {
            remover.execute(() -> quietly(container));
        } catch (RejectedExecutionException closedAlready) {
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
                if (unused) {
                    idle.addAll(waiting.getValue());
                    wanted.remove(waiting.getKey());
                }
                return unused;
            });
        }
        idle.forEach(this::quietly);
    }

    synchronized int waiting() {
        return ready.values().stream().mapToInt(Deque::size).sum();
    }

    /** Runs after what was handed to the maker and the remover before (for tests that wait for them). */
    void afterWork(Runnable then) {
        maker.execute(() -> remover.execute(then));
    }

    private void makeAhead(K kind) {
        if (closed) return;
        int have = ready.getOrDefault(kind, new ArrayDeque<>()).size() + making.getOrDefault(kind, 0);
        for (int more = wanted.getOrDefault(kind, 1) - have; more > 0; more--) {
            making.merge(kind, 1, Integer::sum);
            maker.execute(() -> madeAhead(kind));
        }
    }

    private void madeAhead(K kind) {
        String made = null;
        try {
            made = make.apply(kind);
        } catch (RuntimeException e) {
            log.warn("could not make a grading container ahead: {}", e.getMessage());
        }
        boolean kept;
        synchronized (this) {
            making.merge(kind, -1, Integer::sum);
            kept = made != null && !closed;
            if (kept) ready.computeIfAbsent(kind, k -> new ArrayDeque<>()).add(made);
        }
        if (made != null && !kept) quietly(made);
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
        List<String> left = new ArrayList<>();
        synchronized (this) {
            closed = true;
            ready.values().forEach(left::addAll);
            ready.clear();
        }
        for (ExecutorService worker : List.of(maker, remover)) {
            worker.shutdown();
            try {
                worker.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // What the maker made after the list was taken, it removed itself (closed was already set).
        left.forEach(this::quietly);
    }
}
