package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;
import org.learnbox.bridge.config.TestProperties;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Repeated failed logins close the form for a while, per account name and per address. */
class LoginThrottleTest {
    private Instant now = Instant.parse("2026-11-26T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final LoginThrottle throttle = new LoginThrottle(TestProperties.of("b", TestProperties.sandbox("i"),
            TestProperties.hub("http://127.0.0.1:9"), TestProperties.courses("c")), clock,
            java.util.Set.of("ada", "lin", "grace")::contains);

    private void fail(String name, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(name, "wrong");
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        attempt.setDetails(new WebAuthenticationDetails(request));
        throttle.failed(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("bad")));
    }

    @Test
    void fiveFailuresCloseTheFormForThatNameHoweverItIsWrittenAndForFifteenMinutes() {
        for (int i = 0; i < 4; i++) fail("ada", "10.0.0." + i);
        assertThat(throttle.blocked("ada", "10.0.1.1")).isFalse();
        fail("ADA ", "10.0.0.9");
        assertThat(throttle.blocked("ada", "10.0.1.1")).isTrue();
        assertThat(throttle.blocked("grace", "10.0.1.1")).isFalse();

        now = now.plus(Duration.ofMinutes(16));
        assertThat(throttle.blocked("ada", "10.0.1.1")).isFalse();
    }

    @Test
    void twentyFailuresFromOneAddressCloseTheFormForItWhateverTheName() {
        for (int i = 0; i < 20; i++) fail("name" + i, "192.0.2.7");
        assertThat(throttle.blocked("someone-new", "192.0.2.7")).isTrue();
        assertThat(throttle.blocked("someone-new", "192.0.2.8")).isFalse();
    }

    @Test
    void aSuccessfulLoginForgetsTheNamesFailures() {
        for (int i = 0; i < 4; i++) fail("lin", "10.0.0." + i);
        throttle.succeeded(new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated("lin", null, java.util.List.of())));
        fail("lin", "10.0.0.5");
        assertThat(throttle.blocked("lin", "10.0.3.3")).isFalse();
    }

    /** A flood of 100 000 names from 100 000 addresses, and then from one: what is kept stays bounded, the answers right. */
    @Test
    void aFloodOfNamesAndAddressesKeepsItsMemoryBoundedAndTheRefusalsRight() {
        for (int i = 0; i < 5; i++) fail("ada", "10.0.0." + i);
        for (int i = 0; i < 100_000; i++) fail("flood-" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        for (int i = 0; i < 100_000; i++) fail("one-address-" + i, "198.51.100.1");

        long bytes = GraphLayout.parseInstance(throttle).totalSize();
        System.out.printf("the login throttle holds %d bytes after 200 000 failed logins of new names%n", bytes); // bench/RESULTS.md
        assertThat(bytes).as("bytes kept after the flood").isLessThan(8L << 20);
        assertThat(throttle.blocked("ada", "10.9.9.9")).as("an account's failures outlast any flood of other names").isTrue();
        assertThat(throttle.blocked("someone", "198.51.100.1")).as("the flooding address is refused").isTrue();
        assertThat(throttle.blocked("grace", "203.0.113.5")).isFalse();
    }
}
