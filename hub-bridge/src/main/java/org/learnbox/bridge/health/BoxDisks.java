package org.learnbox.bridge.health;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The disk that homes and apps hold, measured at most every ten minutes: the engine walks every
 * volume to answer, which costs a busy box more than a page view should.
 */
@Component
class BoxDisks {
    static final int SHOWN = 10;

    /** The biggest homes and apps (at most {@link #SHOWN} each), the totals, and when it was measured. */
    record Measured(Instant at, List<BoxUsage.Disk> homes, long homesBytes, int homesCount,
                    List<BoxUsage.Disk> apps, long appsBytes, int appsCount) {}

    private final LoadingCache<String, Measured> measured;

    BoxDisks(BoxUsage usage, Clock clock) {
        this.measured = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(Duration.ofMinutes(10))
                .build(any -> measure(usage.disks(), clock.instant()));
    }

    /** The latest measure, or null while the Docker engine does not answer. */
    Measured now() {
        try {
            return measured.get("box");
        } catch (RuntimeException dockerDown) {
            return null;
        }
    }

    /** The next look measures again. */
    void forget() {
        measured.invalidateAll();
    }

    static Measured measure(List<BoxUsage.Disk> disks, Instant at) {
        List<BoxUsage.Disk> homes = biggestFirst(disks, "home");
        // An app's image and its container's own layer are one app's disk.
        List<BoxUsage.Disk> apps = disks.stream().filter(d -> d.kind().equals("app"))
                .collect(java.util.stream.Collectors.groupingBy(d -> d.owner() + "/" + d.name(), java.util.TreeMap::new,
                        java.util.stream.Collectors.summingLong(BoxUsage.Disk::bytes)))
                .entrySet().stream()
                .map(e -> new BoxUsage.Disk("app", e.getKey().substring(0, e.getKey().indexOf('/')),
                        e.getKey().substring(e.getKey().indexOf('/') + 1), e.getValue()))
                .sorted(Comparator.comparingLong(BoxUsage.Disk::bytes).reversed()).toList();
        return new Measured(at, homes.stream().limit(SHOWN).toList(), homes.stream().mapToLong(BoxUsage.Disk::bytes).sum(), homes.size(),
                apps.stream().limit(SHOWN).toList(), apps.stream().mapToLong(BoxUsage.Disk::bytes).sum(), apps.size());
    }

    private static List<BoxUsage.Disk> biggestFirst(List<BoxUsage.Disk> disks, String kind) {
        return disks.stream().filter(d -> d.kind().equals(kind)).sorted(Comparator.comparingLong(BoxUsage.Disk::bytes).reversed()).toList();
    }
}
