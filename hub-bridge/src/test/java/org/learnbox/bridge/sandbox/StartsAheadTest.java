package org.learnbox.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartsAheadTest {
    @Test
    void aBurstGetsOnlySoManyAndTheWindowFreesThemAgain() throws Exception {
        StartsAhead starts = new StartsAhead(2, Duration.ofMillis(300));
        assertThat(starts.tryTake()).isTrue();
        assertThat(starts.tryTake()).isTrue();
        assertThat(starts.tryTake()).as("a third in the same window").isFalse();
        Thread.sleep(400);
        assertThat(starts.tryTake()).isTrue();
    }
}
