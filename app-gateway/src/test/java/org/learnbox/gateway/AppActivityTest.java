package org.learnbox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class AppActivityTest {
    private final List<Map<String, AppActivity.Requests>> reports = new ArrayList<>();
    private final AppActivity activity = new AppActivity(new BridgeClient(new GatewaySettings("http://bridge", "s",
            "apps.localhost", Duration.ofSeconds(30), Duration.ofSeconds(3), 3, Duration.ofSeconds(10), Duration.ofSeconds(30))) {
        @Override
        Mono<Void> reportActivity(Map<String, AppActivity.Requests> requests) {
            reports.add(Map.copyOf(requests));
            return Mono.empty();
        }
    });

    @Test
    void anAppWithARequestStillBeingAnsweredIsInUseAtEveryReportUntilItEnds() {
        activity.requested("game--ada");
        activity.answering("game--ada"); // a visitor's websocket, open for long
        activity.report();
        activity.report();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).get("game--ada").count()).isEqualTo(1);
        assertThat(reports.get(1).get("game--ada").count()).as("no new request, still in use").isZero();
        assertThat(reports.get(1).get("game--ada").last()).isGreaterThanOrEqualTo(reports.get(0).get("game--ada").last());

        activity.answered("game--ada");
        activity.report();
        assertThat(reports).as("nothing under way, nothing asked: nothing to report").hasSize(2);
    }
}
