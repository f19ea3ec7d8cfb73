package org.learnbox.bridge.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NoticesTest {
    private final Notices notices = new Notices(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void theNewestComeFirstAndOnlyTheNewestFewAreKept() {
        for (int i = 1; i <= Notices.KEPT + 2; i++) notices.post("notice " + i);
        assertThat(notices.current()).hasSize(Notices.KEPT);
        assertThat(notices.current().getFirst().message()).isEqualTo("notice " + (Notices.KEPT + 2));
        assertThat(notices.current().getLast().message()).isEqualTo("notice 3");
    }

    @Test
    void idsGrowFromTheStartSoALabOpenAcrossARestartSeesNewOnesAsNew() {
        long first = notices.post("one").id();
        assertThat(first).isGreaterThan(Instant.parse("2026-12-03T10:00:00Z").toEpochMilli());
        assertThat(notices.post("two").id()).isGreaterThan(first);
    }

    @Test
    void emptyOrLongWordsAreRefusedInWordsAndNothingIsKept() {
        assertThatThrownBy(() -> notices.post("   ")).isInstanceOf(NoticeRefused.class).hasMessageContaining("needs words");
        assertThatThrownBy(() -> notices.post("x".repeat(Notices.LONGEST + 1))).isInstanceOf(NoticeRefused.class)
                .hasMessageContaining("at most " + Notices.LONGEST + " characters (this one has " + (Notices.LONGEST + 1) + ")");
        assertThat(notices.current()).isEmpty();
    }

    @Test
    void clearTakesEveryNoticeBack() {
        notices.post("one");
        notices.clear();
        assertThat(notices.current()).isEmpty();
    }
}
