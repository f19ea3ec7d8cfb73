package org.learnbox.bridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@SpringBootTest
@ActiveProfiles("test")
class WorkHoursTest {
    @Autowired WorkHours workHours;
    @Autowired WorkHourRepository hours;
    @MockitoBean JupyterHubClient hub;

    private static JupyterHubClient.HubUser user(String name, Instant lastActivity) {
        return new JupyterHubClient.HubUser(name, Map.of(), lastActivity);
    }

    @Test
    void eachNewLastActivityMarksItsHourOnceAndAWeekAndADayIsKept() {
        Instant now = Instant.now();
        Instant earlier = now.minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS).plusSeconds(600);
        hours.save(new WorkHour("wh-ada", now.minus(Duration.ofDays(9)).truncatedTo(ChronoUnit.HOURS)));

        workHours.seen(List.of(user("wh-ada", earlier), user("wh-bob", null)));
        workHours.seen(List.of(user("wh-ada", earlier)));                    // the same last activity again
        workHours.seen(List.of(user("wh-ada", earlier.plusSeconds(1200)))); // later, in the same hour
        workHours.seen(List.of(user("wh-ada", earlier.plus(Duration.ofHours(2)))));

        assertThat(workHours.since(List.of("wh-ada", "wh-bob"), now.minus(Duration.ofDays(30))))
                .containsOnlyKeys("wh-ada")
                .hasEntrySatisfying("wh-ada", marked -> assertThat(marked).containsExactly(
                        earlier.truncatedTo(ChronoUnit.HOURS), earlier.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS)));
        assertThat(workHours.since(List.of(), now)).isEmpty();
    }

    @Test
    void aServerStartedAheadOfALearnerWhoNeverLoggedInIsNoWorkUntilTheyDo() {
        Instant now = Instant.now();
        workHours.seen(List.of(user("wh-dee", now.minusSeconds(60))));
        assertThat(workHours.since(List.of("wh-dee"), now.minus(Duration.ofDays(1)))).doesNotContainKey("wh-dee");

        workHours.atWork("wh-dee");
        workHours.seen(List.of(user("wh-dee", now.plus(Duration.ofHours(1)))));
        assertThat(workHours.since(List.of("wh-dee"), now.minus(Duration.ofDays(1))).get("wh-dee"))
                .contains(now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS));
    }

    @Test
    void aLoginMarksItsHourAtOnceAndOnlyOnce() {
        Instant now = Instant.now();
        workHours.atWork("wh-cy");
        workHours.atWork("wh-cy");
        workHours.seen(List.of(user("wh-cy", now)));

        assertThat(workHours.since(List.of("wh-cy"), now.minus(Duration.ofDays(1))).get("wh-cy"))
                .isNotEmpty().allSatisfy(hour -> assertThat(hour).isBetween(
                        now.truncatedTo(ChronoUnit.HOURS), Instant.now().truncatedTo(ChronoUnit.HOURS)));
    }
}
