package org.learnbox.bridge.assignment;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens to a submission after the due date, as {@code late:} in {@code assignment.yaml}.
 * <ul>
 * <li>{@code accept} (the default, as nbgrader does): taken, marked late, full points.</li>
 * <li>{@code refuse}: not taken after the due date (TestMyCode's hard deadline).</li>
 * <li>{@code {penalty: PERCENT, floor: PERCENT}}: taken, and the points earned lose PERCENT for each
 * day late, a day begun counting whole (a minute late is one day), but never below FLOOR percent of
 * them: {@code {penalty: 10, floor: 50}} keeps 90% one day late, 80% two, and 50% from the fifth.</li>
 * </ul>
 */
public sealed interface LatePolicy {
    LatePolicy ACCEPT = new Accept();
    LatePolicy REFUSE = new Refuse();

    /** Whether a submission this late is taken at all. */
    boolean accepts(Instant due, Instant submitted);

    /** The points kept of {@code earned} for a submission at {@code submitted}; all when on time. */
    double pointsKept(double earned, Instant due, Instant submitted);

    /** Days late, a day begun counting whole: 0 on time, 1 for a second up to 24 hours late. */
    static long daysLate(Instant due, Instant submitted) {
        if (!submitted.isAfter(due)) return 0;
        Duration late = Duration.between(due, submitted);
        long whole = late.toDays();
        return late.equals(Duration.ofDays(whole)) ? whole : whole + 1;
    }

    record Accept() implements LatePolicy {
        @Override
        public boolean accepts(Instant due, Instant submitted) {
            return true;
        }

        @Override
        public double pointsKept(double earned, Instant due, Instant submitted) {
            return earned;
        }
    }

    record Refuse() implements LatePolicy {
        @Override
        public boolean accepts(Instant due, Instant submitted) {
            return !submitted.isAfter(due);
        }

        @Override
        public double pointsKept(double earned, Instant due, Instant submitted) {
            return accepts(due, submitted) ? earned : 0;
        }
    }

    /** {@code percentPerDay} of the points lost per day late, {@code floorPercent} of them kept at least. */
    record Penalty(double percentPerDay, double floorPercent) implements LatePolicy {
        public Penalty {
            if (!(percentPerDay >= 0 && percentPerDay <= 100) || !(floorPercent >= 0 && floorPercent <= 100)) {
                throw new IllegalArgumentException("percentages are 0 to 100");
            }
        }

        @Override
        public boolean accepts(Instant due, Instant submitted) {
            return true;
        }

        @Override
        public double pointsKept(double earned, Instant due, Instant submitted) {
            double percent = Math.max(floorPercent, 100 - percentPerDay * daysLate(due, submitted));
            return earned * percent / 100;
        }
    }
}
