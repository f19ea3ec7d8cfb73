package org.learnbox.bridge.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The box's figures once a minute, kept for a day (the admin's Box health page draws them):
 * memory and CPU of each part (every compose service; learners' sandboxes, apps, grading and
 * builds each summed), how many sandboxes run, and how long the minute's spawns took.
 */
@Component
class BoxSampler {
    private static final Logger log = LoggerFactory.getLogger(BoxSampler.class);
    static final Duration KEPT = Duration.ofDays(1);
    static final String SPAWN_TIMER = "learnbox.server.spawn.duration";

    private final BoxUsage usage;
    private final BoxSampleRepository samples;
    private final MeterRegistry meters;
    private final Clock clock;

    /** CPU time of each container at the last sample (the box's containers only: bounded by its limits). */
    private Map<String, Long> cpuBefore = Map.of();
    private Instant sampledBefore;
    private long spawnsBefore;
    private double spawnSecondsBefore;

    BoxSampler(BoxUsage usage, BoxSampleRepository samples, MeterRegistry meters, Clock clock) {
        this.usage = usage;
        this.samples = samples;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${learnbox.health.sample-every:1m}", initialDelayString = "${learnbox.health.sample-every:1m}")
    void sample() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<BoxUsage.Usage> used;
        try {
            used = usage.now();
        } catch (RuntimeException dockerDown) {
            log.debug("no sample of the box: {}", dockerDown.getMessage());
            return; // a gap in the charts, where the engine did not answer
        }
        List<BoxSample> taken = new ArrayList<>();
        figures(now, used).forEach((series, value) -> taken.add(new BoxSample(now, series, value)));
        samples.saveAll(taken);
        samples.deleteTakenBefore(now.minus(KEPT));
    }

    /** The minute's figures, by series; CPU as cores used since the last sample. */
    synchronized Map<String, Double> figures(Instant now, List<BoxUsage.Usage> used) {
        Map<String, Double> figures = new TreeMap<>();
        Map<String, Long> cpuNow = new HashMap<>();
        double elapsedNanos = sampledBefore == null ? 0 : Duration.between(sampledBefore, now).toNanos();
        figures.put("sandboxes.running", (double) used.stream().filter(u -> u.group().equals("sandboxes")).count());
        for (BoxUsage.Usage each : used) {
            figures.merge("memory." + each.group(), (double) each.memoryBytes(), Double::sum);
            cpuNow.put(each.id(), each.cpuNanos());
            if (elapsedNanos > 0) {
                Long before = cpuBefore.get(each.id()); // a container new since the last sample counts from the next
                long spent = before == null ? 0 : Math.max(0, each.cpuNanos() - before);
                figures.merge("cpu." + each.group(), spent / elapsedNanos, Double::sum);
            }
        }
        cpuBefore = cpuNow;
        sampledBefore = now;
        spawns(figures);
        return figures;
    }

    /** The mean time of the minute's successful spawns, from the bridge's own timer. */
    private void spawns(Map<String, Double> figures) {
        Timer timer = meters.find(SPAWN_TIMER).tag("status", "success").timer();
        if (timer == null) return;
        long count = timer.count();
        double seconds = timer.totalTime(TimeUnit.SECONDS);
        if (count > spawnsBefore) {
            figures.put("spawn.seconds", (seconds - spawnSecondsBefore) / (count - spawnsBefore));
            figures.put("spawn.count", (double) (count - spawnsBefore));
        }
        spawnsBefore = count;
        spawnSecondsBefore = seconds;
    }
}
