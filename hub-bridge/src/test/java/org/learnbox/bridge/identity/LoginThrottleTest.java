package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
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
            TestProperties.hub("http://127.0.0.1:9"), TestProperties.courses("c")), clock);

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
}
