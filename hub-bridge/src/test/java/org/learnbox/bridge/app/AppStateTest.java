package org.learnbox.bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppStateTest {
    private static AppInstance app(boolean running, boolean restarting, int restarts, boolean outOfMemory, int exitCode) {
        return new AppInstance("ada", "site", "c0ffee", running, restarting, restarts, outOfMemory, "172.20.0.2", 8080,
                exitCode, Instant.EPOCH, null);
    }

    @Test
    void theOwnerReadsWhatHappenedAndWhatComesNext() {
        AppInstance fine = app(true, false, 0, false, 0);
        assertThat(AppState.of(fine)).isEqualTo(AppState.RUNNING);
        assertThat(AppState.RUNNING.why(fine, 256)).isEmpty();

        AppInstance recovered = app(true, false, 2, false, 0);
        assertThat(AppState.RUNNING.why(recovered, 256)).isEqualTo("It crashed and was started again (2 times).");

        AppInstance toldWhy = app(true, false, 1, true, 0);
        assertThat(AppState.RUNNING.why(toldWhy, 256))
                .isEqualTo("It used more than its 256 MB of memory, was stopped, and was started again (once).");

        AppInstance between = app(true, true, 1, false, 3);
        assertThat(AppState.of(between)).isEqualTo(AppState.RESTARTING);
        assertThat(AppState.RESTARTING.why(between, 256)).isEqualTo("It ended with exit code 3; the box starts it again,"
                + " waiting a little longer each time (start 2 of 6).");

        AppInstance gaveUp = app(false, false, 5, false, 1);
        assertThat(AppState.of(gaveUp)).isEqualTo(AppState.CRASHED);
        assertThat(AppState.CRASHED.why(gaveUp, 256)).isEqualTo("It ended with exit code 1, after 5 times started again."
                + " It stays stopped: its next visitor tries it once more, or fix it and publish again.");

        AppInstance tooBig = app(false, false, 0, true, 137);
        assertThat(AppState.of(tooBig)).as("killed for its memory, not put to sleep").isEqualTo(AppState.CRASHED);
        assertThat(AppState.CRASHED.why(tooBig, 256)).startsWith("It used more than its 256 MB of memory and was stopped.");

        AppInstance asleep = app(false, false, 0, false, 143);
        assertThat(AppState.of(asleep)).isEqualTo(AppState.ASLEEP);
        assertThat(AppState.ASLEEP.showsLastLines()).isFalse();
        assertThat(AppState.CRASHED.showsLastLines()).isTrue();
    }
}
