package org.learnbox.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which app containers requests are on their way to, and which ones the bridge is retiring.
 *
 * <p>A request counts from the moment its container is chosen until its answer is written. Once
 * the bridge says a container retires, no request enters it any more (it asks the bridge again),
 * and the bridge removes the container only when the requests in it have ended. A request counts
 * itself first and then looks whether its container retires, while a retire marks it first and
 * then looks at the count: so one of the two always sees the other.
 */
@Component
class ReleasesInUse {
    /** A retired container's mark is kept this long: long past its removal, and the marks stay few. */
    private static final Duration MARK_KEPT = Duration.ofMinutes(10);
    private static final Duration LOOK_EVERY = Duration.ofMillis(20);

    private final Map<String, Integer> requests = new ConcurrentHashMap<>();
    private final Map<String, Long> retiring = new ConcurrentHashMap<>();

    /** One request in a container; closing it ends the request's count, once. */
    static final class Lease implements AutoCloseable {
        private final ReleasesInUse ledger;
        private final String container;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Lease(ReleasesInUse ledger, String container) {
            this.ledger = ledger;
            this.container = container;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) ledger.leave(container);
        }
    }

    /** A request enters the container, unless it retires: then the request has to ask where the app is now. */
    Optional<Lease> enter(String container) {
        requests.merge(container, 1, Integer::sum);
        if (retiring.containsKey(container)) {
            leave(container);
            return Optional.empty();
        }
        return Optional.of(new Lease(this, container));
    }

    boolean retires(String container) {
        return retiring.containsKey(container);
    }

    /** No request enters the container from now on. */
    void retire(String container) {
        long now = System.nanoTime();
        retiring.values().removeIf(markedAt -> now - markedAt > MARK_KEPT.toNanos());
        retiring.put(container, now);
    }

    /** Completes once no request is in the container (it was retired first), or with false after {@code atMost}. */
    Mono<Boolean> drained(String container, Duration atMost) {
        return Flux.interval(Duration.ZERO, LOOK_EVERY)
                .filter(tick -> !requests.containsKey(container))
                .next()
                .map(tick -> true)
                .timeout(atMost, Mono.just(false));
    }

    int inUse(String container) {
        return requests.getOrDefault(container, 0);
    }

    private void leave(String container) {
        requests.computeIfPresent(container, (id, count) -> count > 1 ? count - 1 : null);
    }
}
