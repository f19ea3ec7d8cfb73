package org.learnbox.bridge.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.sandbox.SandboxStartedAfresh;

class PersonalNoticesTest {
    private final Notices notices = new Notices(Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));
    private final PersonalNotices personal = new PersonalNotices(notices);

    @Test
    void aSandboxStartedAfreshIsToldToItsLearnerOnly() {
        personal.onStartedAfresh(new SandboxStartedAfresh("ann", false));

        assertThat(personal.of("ann")).get().extracting(PersonalNotices.Personal::wordsKey).isEqualTo("notice.sandbox-started-afresh");
        assertThat(personal.of("ben")).isEmpty();
        assertThat(notices.current()).as("nobody else's notices").isEmpty();
    }

    @Test
    void theNewestIsKeptWithAnIdNoNoticeHadBefore() {
        long everyones = notices.post("The box restarts at 17:00").id();
        personal.onStartedAfresh(new SandboxStartedAfresh("ann", false));
        long first = personal.of("ann").orElseThrow().id();
        personal.onStartedAfresh(new SandboxStartedAfresh("ann", true));

        PersonalNotices.Personal newest = personal.of("ann").orElseThrow();
        assertThat(newest.wordsKey()).isEqualTo("notice.sandbox-restarted-while-asleep");
        assertThat(newest.id()).isNotIn(everyones, first);
    }
}
