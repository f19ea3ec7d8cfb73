package org.learnbox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

class AppRoutesTest {
    private final GatewaySettings settings = new GatewaySettings("http://bridge", "s", "apps.localhost",
            Duration.ofSeconds(30), Duration.ofSeconds(3), 3, Duration.ofSeconds(10), Duration.ofSeconds(30));

    @Test
    void onlyHostNamesOfAppsUnderTheDomainAreRouted() {
        assertThat(AppRoutes.appHost("Quiz--Ada.apps.localhost:8001", settings)).isEqualTo("quiz--ada.apps.localhost");
        assertThat(AppRoutes.appHost("quiz--ada.apps.localhost", settings)).isEqualTo("quiz--ada.apps.localhost");
        assertThat(AppRoutes.appHost("apps.localhost:8001", settings)).isNull();
        assertThat(AppRoutes.appHost("quiz.apps.localhost", settings)).isNull();
        assertThat(AppRoutes.appHost("a.quiz--ada.apps.localhost", settings)).isNull();
        assertThat(AppRoutes.appHost("quiz--ada.apps.localhost.evil.example", settings)).isNull();
        assertThat(AppRoutes.appHost(null, settings)).isNull();
    }

    @Test
    void eachAppHasItsOwnShareOfRequestsAMinute() {
        RequestRate rate = new RequestRate(settings);
        long now = 0;
        assertThat(rate.allow("a", now)).isTrue();
        assertThat(rate.allow("a", now)).isTrue();
        assertThat(rate.allow("a", now)).isTrue();
        assertThat(rate.allow("a", now)).isFalse();
        assertThat(rate.allow("b", now)).isTrue();
        assertThat(rate.allow("a", now + Duration.ofSeconds(20).toNanos())).isTrue();
        assertThat(rate.allow("a", now + Duration.ofSeconds(20).toNanos())).isFalse();
    }

    /** A scanner's 100 000 host names, once each, while an app is asked all along: the buckets kept stay bounded, the app at its limit. */
    @Test
    void aFloodOfHostNamesKeepsTheBucketsBoundedAndABusyAppAtItsLimit() {
        RequestRate rate = new RequestRate(settings);
        for (int i = 0; i < 3; i++) assertThat(rate.allow("busy", 0)).isTrue();
        for (int i = 0; i < 100_000; i++) {
            rate.allow("scan-" + i + "--x", 0);
            if (i % 100 == 0) assertThat(rate.allow("busy", 0)).as("the busy app, at its limit, after %d scanned", i).isFalse();
        }
        long kept = GraphLayout.parseInstance(rate).totalSize();
        System.out.printf("the gateway's request rate holds %d bytes after 100 000 new host names%n", kept); // bench/RESULTS.md
        assertThat(kept).as("bytes kept").isLessThan(4L << 20);
        assertThat(rate.allow("busy", 0)).as("still at its limit").isFalse();
    }
}
