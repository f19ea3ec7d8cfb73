package org.learnbox.bridge.app;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The live apps in the box's metrics: how many are running, restarting, asleep or crashed. */
@Component
class AppMeters {
    private final AppRuntime runtime;
    /** One look at the engine per scrape, whichever of the states' gauges asks first. */
    private final LoadingCache<Boolean, Map<AppState, Integer>> counted = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5)).build(any -> count());

    AppMeters(MeterRegistry meters, AppRuntime runtime) {
        this.runtime = runtime;
        for (AppState state : AppState.values()) {
            Gauge.builder("learnbox.apps", this, apps -> apps.inState(state)).tag("state", state.word())
                    .description("Live apps of the learners, by state").register(meters);
        }
    }

    /** Not a number while the engine does not answer: Prometheus keeps the gap instead of a false zero. */
    private double inState(AppState state) {
        try {
            return counted.get(true).getOrDefault(state, 0);
        } catch (RuntimeException dockerDown) {
            return Double.NaN;
        }
    }

    private Map<AppState, Integer> count() {
        Map<AppState, Integer> byState = new EnumMap<>(AppState.class);
        runtime.list().forEach(app -> byState.merge(AppState.of(app), 1, Integer::sum));
        return byState;
    }
}
