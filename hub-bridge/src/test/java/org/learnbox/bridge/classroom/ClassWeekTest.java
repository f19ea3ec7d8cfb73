package org.learnbox.bridge.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassWeekTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theLastSevenDaysInTheBoxsTimeWithEachStudentsHoursAtWork() {
        Instant now = Instant.parse("2026-12-05T02:30:00Z"); // Saturday 10:30 in Shanghai
        Map<String, Set<Instant>> worked = Map.of("ada", Set.of(
                Instant.parse("2026-12-05T01:00:00Z"),   // Saturday 09:00
                Instant.parse("2026-12-04T06:00:00Z"),   // Friday 14:00
                Instant.parse("2026-11-28T23:00:00Z"))); // Sunday 07:00, the first day shown

        ClassWeek week = ClassWeek.of(List.of("ada", "bob"), worked, now, SHANGHAI, Locale.ENGLISH);

        assertThat(week.days()).containsExactly("Sun 29", "Mon 30", "Tue 1", "Wed 2", "Thu 3", "Fri 4", "Sat 5");
        ClassWeek.Learner ada = week.learners().getFirst();
        assertThat(ada.hoursWorked()).isEqualTo(3);
        assertThat(ada.days().get(0).worked()).isEqualTo("07:00");
        assertThat(ada.days().get(5).worked()).isEqualTo("14:00");
        assertThat(ada.days().get(6).hours().get(9)).isTrue();
        assertThat(ada.days().get(6).hours().stream().filter(on -> on).count()).isEqualTo(1);
        ClassWeek.Learner bob = week.learners().get(1);
        assertThat(bob.hoursWorked()).isZero();
        assertThat(bob.days()).allSatisfy(day -> assertThat(day.worked()).isEqualTo("-"));
        assertThat(ClassWeek.of(List.of("ada"), worked, now, SHANGHAI, Locale.SIMPLIFIED_CHINESE).days().getLast()).isEqualTo("周六 5");
    }
}
