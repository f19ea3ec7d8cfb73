package org.learnbox.gateway;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each app's requests since the last report, and the last one's time: the bridge puts idle apps to
 * sleep by it, and shows owners how much their app is asked for. Anyone may send any host name, so
 * at most {@link #MOST_KEPT} hosts are kept between two reports (Caffeine keeps the busiest).
 */
@Component
class AppActivity {
    /** What the bridge hears of one app: its last request (epoch milliseconds) and how many came. */
    record Requests(long last, long count) {
        Requests and(Requests more) {
            return new Requests(Math.max(last, more.last), count + more.count);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AppActivity.class);
    static final int MOST_KEPT = 10_000;

    private final Map<String, Requests> requests = Caffeine.newBuilder().maximumSize(MOST_KEPT).executor(Runnable::run)
            .<String, Requests>build().asMap();
    /** Requests being answered now, by app: a websocket open for an hour is an app in use all that hour. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> underWay = new ConcurrentHashMap<>();
    private final BridgeClient bridge;

    AppActivity(BridgeClient bridge) {
        this.bridge = bridge;
    }

    void requested(String host) {
        requests.merge(host, new Requests(Instant.now().toEpochMilli(), 1), Requests::and);
    }

    /** A request to the app is being answered, until {@link #answered}. */
    void answering(String host) {
        underWay.computeIfAbsent(host, key -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
    }

    void answered(String host) {
        underWay.computeIfPresent(host, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    @Scheduled(fixedDelayString = "${learnbox.gateway.report-every:10s}")
    void report() {
        long now = Instant.now().toEpochMilli();
        underWay.keySet().forEach(host -> requests.merge(host, new Requests(now, 0), Requests::and));
        if (requests.isEmpty()) return;
        Map<String, Requests> batch = new HashMap<>();
        requests.keySet().forEach(host -> {
            Requests taken = requests.remove(host);
            if (taken != null) batch.put(host, taken);
        });
        try {
            bridge.reportActivity(batch).block(java.time.Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("could not report the apps' activity to the bridge: {}", e.getMessage());
            batch.forEach((host, taken) -> requests.merge(host, taken, Requests::and));
        }
    }
}
