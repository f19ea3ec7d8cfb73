package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.MovingClock;

class HandoffTokensTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";


    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final HandoffTokens tokens = new HandoffTokens(SECRET, clock);

    @Test
    void aTokenNamesItsPersonAndTheirLoginAndWorksOnce() {
        String login = HandoffTokens.loginOf("SESSION-ID-OF-ADA");
        String token = tokens.mint("ada", login);
        assertThat(tokens.redeem(token)).contains(new HandoffTokens.Handoff("ada", login));
        assertThat(tokens.redeem(token)).isEmpty();
        assertThat(login).as("a hash of the session id, never the id").doesNotContain("SESSION").hasSize(22)
                .isEqualTo(HandoffTokens.loginOf("SESSION-ID-OF-ADA")).isNotEqualTo(HandoffTokens.loginOf("SESSION-ID-OF-BOB"));
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        String token = tokens.mint("ada", "login");
        clock.advance(HandoffTokens.LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(tokens.redeem(token)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretOrAlteredIsRefused() {
        String foreign = new HandoffTokens("another-secret-another-secret-xx", clock).mint("ada", "login");
        assertThat(tokens.redeem(foreign)).isEmpty();

        String genuine = tokens.mint("ada", "login");
        String[] parts = genuine.split("\\.");
        String forgedBody = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[0])).replace("ada", "eve").getBytes());
        assertThat(tokens.redeem(forgedBody + "." + parts[1])).isEmpty();
        assertThat(tokens.redeem("garbage")).isEmpty();
        assertThat(tokens.redeem("a.b.c")).isEmpty();
        assertThat(tokens.redeem("%%%.$$$")).isEmpty();
        assertThat(tokens.redeem(null)).isEmpty();
        assertThat(tokens.redeem(genuine)).map(HandoffTokens.Handoff::name).contains("ada");
    }

    @Test
    void safeNextOnlyLeadsToPathsOfThisBox() {
        assertThat(HandoffTokens.safeNext("/hub/spawn")).isEqualTo("/hub/spawn");
        assertThat(HandoffTokens.safeNext("/user/ada/lab")).isEqualTo("/user/ada/lab");
        assertThat(HandoffTokens.safeNext("https://evil.example/")).isEqualTo("/hub/spawn");
        assertThat(HandoffTokens.safeNext("//evil.example/hub/")).isEqualTo("/hub/spawn");
        assertThat(HandoffTokens.safeNext("/hub/\\evil")).isEqualTo("/hub/spawn");
    }
}
