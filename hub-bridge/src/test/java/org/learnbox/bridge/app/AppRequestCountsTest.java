package org.learnbox.bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** The gateway reports every host of the apps' form it saw, a scanner's included: the counts must not grow with them. */
class AppRequestCountsTest {
    @Test
    void aScannersHundredThousandHostsKeepTheCountsBoundedAndARealAppsCountRight() {
        AppRequestCounts counts = new AppRequestCounts();
        for (int i = 0; i < 100_000; i++) {
            counts.add("ada", "quiz", new AppRequests(i, 1)); // a class visits ada's quiz between the scanner's hosts
            counts.add("mallory", "probe-" + i, new AppRequests(i, 1));
        }
        long kept = GraphLayout.parseInstance(counts).totalSize();
        System.out.printf("the apps' request counts keep %.1f MiB after 100 000 hosts%n", kept / 1048576.0);
        assertThat(kept).as("bytes kept after the flood").isLessThan(4L << 20);

        assertThat(counts.of("ada", "quiz")).isEqualTo(new AppRequests(99_999, 100_000));
        assertThat(counts.of("nobody", "never")).isEqualTo(new AppRequests(0, 0));
        counts.forget("ada", "quiz");
        assertThat(counts.of("ada", "quiz").count()).isZero();
    }
}
