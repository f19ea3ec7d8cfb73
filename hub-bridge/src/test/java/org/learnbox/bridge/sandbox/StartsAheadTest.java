package org.learnbox.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartsAheadTest {
    @Test
    void aBurstOfLoginsGetsOnlySoManyAndEachFreesItsPlaceWhenTheHubAsks() throws Exception {
        StartsAhead ahead = new StartsAhead(2, Duration.ofMillis(300));
        assertThat(ahead.tryTake("ada")).isTrue();
        assertThat(ahead.tryTake("bob")).isTrue();
        assertThat(ahead.tryTake("cy")).as("a third while two wait").isFalse();
        ahead.done("ada");
        assertThat(ahead.tryTake("cy")).isTrue();
        assertThat(ahead.tryTake("dee")).isFalse();
        Thread.sleep(400);
        assertThat(ahead.tryTake("dee")).as("the hub never asked for the others: they no longer count").isTrue();
    }
}
