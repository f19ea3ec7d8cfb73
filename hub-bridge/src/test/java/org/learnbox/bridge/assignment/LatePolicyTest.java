package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Late submissions: days counted as teachers count them, and what each policy keeps. */
class LatePolicyTest {
    private static final Instant DUE = Instant.parse("2027-01-15T15:59:00Z");

    @Test
    void aDayBegunCountsWhole() {
        assertThat(LatePolicy.daysLate(DUE, DUE.minusSeconds(3600))).isZero();
        assertThat(LatePolicy.daysLate(DUE, DUE)).as("on the second").isZero();
        assertThat(LatePolicy.daysLate(DUE, DUE.plusSeconds(1))).isEqualTo(1);
        assertThat(LatePolicy.daysLate(DUE, DUE.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(LatePolicy.daysLate(DUE, DUE.plus(Duration.ofDays(1)).plusMillis(1))).isEqualTo(2);
    }

    @Test
    void aPenaltyTakesItsPercentPerDayDownToItsFloor() {
        LatePolicy penalty = new LatePolicy.Penalty(10, 50);
        assertThat(penalty.pointsKept(8, DUE, DUE.minusSeconds(1))).isEqualTo(8);
        assertThat(penalty.pointsKept(8, DUE, DUE.plusSeconds(60))).isCloseTo(7.2, within(1e-9));
        assertThat(penalty.pointsKept(8, DUE, DUE.plus(Duration.ofHours(30)))).isCloseTo(6.4, within(1e-9));
        assertThat(penalty.pointsKept(8, DUE, DUE.plus(Duration.ofDays(5)))).isCloseTo(4, within(1e-9));
        assertThat(penalty.pointsKept(8, DUE, DUE.plus(Duration.ofDays(40)))).as("never below the floor").isCloseTo(4, within(1e-9));
        assertThat(penalty.accepts(DUE, DUE.plus(Duration.ofDays(400)))).isTrue();
        assertThat(new LatePolicy.Penalty(25, 0).pointsKept(10, DUE, DUE.plus(Duration.ofDays(6)))).isZero();
    }

    @Test
    void refuseTakesNothingAfterTheDueDateAndAcceptKeepsEveryPointHoweverLate() {
        assertThat(LatePolicy.REFUSE.accepts(DUE, DUE)).isTrue();
        assertThat(LatePolicy.REFUSE.accepts(DUE, DUE.plusSeconds(1))).isFalse();
        assertThat(LatePolicy.REFUSE.pointsKept(5, DUE, DUE.plusSeconds(1))).isZero();
        assertThat(LatePolicy.ACCEPT.accepts(DUE, DUE.plus(Duration.ofDays(30)))).isTrue();
        assertThat(LatePolicy.ACCEPT.pointsKept(5, DUE, DUE.plus(Duration.ofDays(30)))).isEqualTo(5);
    }

    @Test
    void percentagesOutside0To100AreNoPolicy() {
        assertThatThrownBy(() -> new LatePolicy.Penalty(-1, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatePolicy.Penalty(10, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
