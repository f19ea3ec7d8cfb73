package org.learnbox.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Requests per minute per app, counted in this gateway (one per box): a token bucket per app
 * host. Spring Cloud Gateway's own rate limiter keeps its counts in Redis, which a box has not.
 */
@Component
class RequestRate {
    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;

    RequestRate(GatewaySettings settings) {
        this.perMinute = settings.requestsPerMinute();
    }

    /** Takes one request's token for the app; false when the app has had its minute's share. */
    boolean allow(String host, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(host, h -> new Bucket(perMinute, nowNanos));
        synchronized (bucket) {
            double refill = (nowNanos - bucket.refilledAt) / 60e9 * perMinute;
            bucket.tokens = Math.min(perMinute, bucket.tokens + refill);
            bucket.refilledAt = nowNanos;
            if (bucket.tokens < 1) return false;
            bucket.tokens -= 1;
            return true;
        }
    }
}
