package org.learnbox.bridge.sandbox;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.MovingClock;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.TestProperties;
import org.springframework.util.unit.DataSize;

class SandboxPoolTest {
    private final SandboxRuntime runtime = mock(SandboxRuntime.class);
    private final MachineMemory memory = mock(MachineMemory.class);
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final LearnboxProperties properties = TestProperties.of("box", poolOf(2), TestProperties.hub("http://127.0.0.1:9"),
            TestProperties.courses("c"));
    private final SandboxPool pool = new SandboxPool(runtime, new SandboxSpecs(properties), memory, properties, Duration.ofSeconds(10), clock);

    SandboxPoolTest() {
        when(memory.available()).thenReturn(OptionalLong.of(DataSize.ofGigabytes(10).toBytes()));
        when(runtime.runningUsers()).thenReturn(Set.of());
    }

    @Test
    void fillsToItsSizeOneAtATime() {
        when(runtime.pooled()).thenReturn(0, 1, 2);
        pool.refill();
        pool.refill();
        pool.refill();
        verify(runtime, times(2)).startForThePool(any());
    }

    @Test
    void startsNoneWhileLearnersClaimAndRefillsOnceTheyHaveArrived() {
        when(runtime.pooled()).thenReturn(2, 1, 0, 0, 0);
        pool.refill();
        pool.refill(); // one claimed
        clock.advance(Duration.ofSeconds(3));
        pool.refill(); // another
        clock.advance(Duration.ofSeconds(9));
        pool.refill();
        verify(runtime, never()).startForThePool(any());
        clock.advance(Duration.ofSeconds(2));
        pool.refill();
        verify(runtime, times(1)).startForThePool(any());
    }

    @Test
    void neverTakesTheRoomALearnersStartNeedsNorGoesPastTheBoxsLimit() {
        when(runtime.pooled()).thenReturn(0);
        when(memory.available()).thenReturn(OptionalLong.of(DataSize.ofMegabytes(1500).toBytes()));
        pool.refill();
        when(memory.available()).thenReturn(OptionalLong.of(DataSize.ofGigabytes(10).toBytes()));
        when(runtime.runningUsers()).thenReturn(Set.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"));
        pool.refill();
        verify(runtime, never()).startForThePool(any());
    }

    @Test
    void thePoolOfTheBridgeBeforeGoesAtStart() {
        pool.emptyTheOldPool();
        verify(runtime).emptyPool();
    }

    private static LearnboxProperties.Sandbox poolOf(int size) {
        LearnboxProperties.Sandbox s = TestProperties.sandbox("learnbox/sandbox-under-test:latest");
        return new LearnboxProperties.Sandbox(s.image(), s.cpus(), s.memory(), s.pids(), s.network(), s.maxRunning(), s.minFreeMemory(),
                s.port(), s.boxUrl(), s.startAtLogin(), s.desktopIdle(), size, s.maxFile(), s.volumesFolder());
    }
}
