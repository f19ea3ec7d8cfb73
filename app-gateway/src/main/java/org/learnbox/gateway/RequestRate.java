package org.learnbox.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Requests per minute per app, counted in this gateway (one per box): a token bucket per app
 * host. Spring Cloud Gateway's own rate limiter keeps its counts in Redis, which a box has not.
 * Anyone may send any host name, so the buckets kept are bounded: at most {@link #MOST_KEPT}
 * (Caffeine keeps the busiest), none idle for a minute (by then it is full again, as a new one).
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

    static final int MOST_KEPT = 10_000;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MOST_KEPT)
            .expireAfterAccess(Duration.ofMinutes(1)).executor(Runnable::run).build();
    private final int perMinute;

    RequestRate(GatewaySettings settings) {
        this.perMinute = settings.requestsPerMinute();
    }

    /** Takes one request's token for the app; false when the app has had its minute's share. */
    boolean allow(String host, long nowNanos) {
        Bucket bucket = buckets.get(host, h -> new Bucket(perMinute, nowNanos));
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
