package org.learnbox.bridge.classroom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who worked when this week, for a class page: the last seven days (today last) in the box's
 * time zone, and for each student and day the hours in which the box saw them at work.
 */
record ClassWeek(List<String> days, List<Learner> learners) {
    /** A day of one student: its 24 hours (true where they worked) and the hours said in words. */
    record Day(String label, List<Boolean> hours, String worked) {
        /** The day and its hours at work, in words (its label and tip on the page). */
        public String said() {
            return label + ": " + worked;
        }

        /** The hours (0 to 23) worked: the page draws only these over the day's 24 grey marks. */
        public List<Integer> onHours() {
            return java.util.stream.IntStream.range(0, hours.size()).filter(hours::get).boxed().toList();
        }
    }

    record Learner(String name, List<Day> days, int hoursWorked) {}

    static LocalDate firstDay(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().minusDays(6);
    }

    static ClassWeek of(List<String> students, Map<String, Set<Instant>> worked, Instant now, ZoneId zone, Locale locale) {
        DateTimeFormatter label = DateTimeFormatter.ofPattern("EEE d", locale);
        LocalDate first = firstDay(now, zone);
        List<LocalDate> dates = java.util.stream.IntStream.range(0, 7).mapToObj(first::plusDays).toList();
        List<Learner> learners = new ArrayList<>();
        for (String student : students) {
            Set<Instant> hours = worked.getOrDefault(student, Set.of());
            List<Day> days = new ArrayList<>();
            int total = 0;
            for (LocalDate date : dates) {
                List<Boolean> day = new ArrayList<>();
                List<String> said = new ArrayList<>();
                for (int hour = 0; hour < 24; hour++) {
                    ZonedDateTime start = date.atTime(hour, 0).atZone(zone);
                    boolean at = hours.contains(start.toInstant());
                    day.add(at);
                    if (at) said.add(String.format(Locale.ROOT, "%02d:00", hour));
                }
                total += said.size();
                days.add(new Day(label.format(date), day, said.isEmpty() ? "-" : String.join(", ", said)));
            }
            learners.add(new Learner(student, days, total));
        }
        return new ClassWeek(dates.stream().map(label::format).toList(), learners);
    }
}
