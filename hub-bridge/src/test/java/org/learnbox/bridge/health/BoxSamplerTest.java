package org.learnbox.bridge.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoxSamplerTest {
    private static final long SECOND = 1_000_000_000L;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BoxSampler sampler = new BoxSampler(null, null, meters, Clock.systemUTC());
    private final Instant start = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void memoryIsSummedByPartAndCpuIsTheCoresUsedSinceTheLastSample() {
        Map<String, Double> first = sampler.figures(start, List.of(
                new BoxUsage.Usage("hub1", "hub", 100 * SECOND, 150L << 20),
                new BoxUsage.Usage("ada", "sandboxes", 10 * SECOND, 200L << 20),
                new BoxUsage.Usage("bob", "sandboxes", 20 * SECOND, 100L << 20)));
        assertThat(first).containsEntry("sandboxes.running", 2.0).containsEntry("memory.sandboxes", (double) (300L << 20))
                .containsEntry("memory.hub", (double) (150L << 20)).doesNotContainKeys("cpu.hub", "cpu.sandboxes");

        // A minute on: the hub used 3 s of CPU, ada 60 s (a whole core), bob nothing; cid is new and counts from its next sample.
        Map<String, Double> second = sampler.figures(start.plusSeconds(60), List.of(
                new BoxUsage.Usage("hub1", "hub", 103 * SECOND, 150L << 20),
                new BoxUsage.Usage("ada", "sandboxes", 70 * SECOND, 210L << 20),
                new BoxUsage.Usage("bob", "sandboxes", 20 * SECOND, 100L << 20),
                new BoxUsage.Usage("cid", "sandboxes", 500 * SECOND, 50L << 20)));
        assertThat(second.get("cpu.hub")).isCloseTo(0.05, within(1e-9));
        assertThat(second.get("cpu.sandboxes")).isCloseTo(1.0, within(1e-9));
        assertThat(second).containsEntry("sandboxes.running", 3.0).containsEntry("memory.sandboxes", (double) (360L << 20));
    }

    @Test
    void aContainerThatRestartedCountsNoNegativeCpu() {
        sampler.figures(start, List.of(new BoxUsage.Usage("hub1", "hub", 100 * SECOND, 1)));
        assertThat(sampler.figures(start.plusSeconds(60), List.of(new BoxUsage.Usage("hub1", "hub", 2 * SECOND, 1))))
                .containsEntry("cpu.hub", 0.0);
    }

    @Test
    void theMinutesSpawnsGiveTheirMeanTime() {
        Timer spawns = Timer.builder(BoxSampler.SPAWN_TIMER).tag("status", "success").register(meters);
        Timer.builder(BoxSampler.SPAWN_TIMER).tag("status", "failure").register(meters).record(Duration.ofSeconds(99));
        assertThat(sampler.figures(start, List.of())).doesNotContainKeys("spawn.seconds", "spawn.count");
        spawns.record(Duration.ofSeconds(2));
        spawns.record(Duration.ofSeconds(4));
        assertThat(sampler.figures(start.plusSeconds(60), List.of())).containsEntry("spawn.seconds", 3.0).containsEntry("spawn.count", 2.0);
        spawns.record(Duration.ofSeconds(1));
        assertThat(sampler.figures(start.plusSeconds(120), List.of())).containsEntry("spawn.seconds", 1.0).containsEntry("spawn.count", 1.0);
        assertThat(sampler.figures(start.plusSeconds(180), List.of())).doesNotContainKeys("spawn.seconds");
    }
}
