package org.learnbox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;
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

    /** 100 000 host names, each asked once between two reports, as a scanner sends them, while an app is used: what is kept stays bounded. */
    @Test
    void aFloodOfHostNamesKeepsItsMemoryBoundedAndTheAppsActivityReported() {
        long before = GraphLayout.parseInstance(activity).totalSize();
        for (int i = 0; i < 100_000; i++) {
            activity.requested("scan-" + i + "--x");
            if (i % 100 == 0) activity.requested("game--ada");
        }
        long left = GraphLayout.parseInstance(activity).totalSize() - before;
        System.out.printf("the apps' activity holds %d bytes more after 100 000 new host names%n", left); // bench/RESULTS.md
        assertThat(left).as("bytes the flood left").isLessThan(4L << 20);
        activity.report();
        assertThat(reports.getFirst()).hasSizeLessThanOrEqualTo(AppActivity.MOST_KEPT);
        assertThat(reports.getFirst().get("game--ada").count()).isEqualTo(1000);
    }
}
