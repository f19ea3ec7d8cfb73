package org.learnbox.bridge.course;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.learnbox.bridge.identity.AccountRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Learners' progress through their courses: a lesson's self-check reports each answer as it runs
 * (the {@code check} helper, through {@code /api/progress}), and a teacher sees how many checks of
 * each lesson every student has right.
 */
@Service
public class CourseProgress {
    /** Where a lesson runs in a sandbox, as Jupyter names the notebook of a kernel's session. */
    private static final Pattern LESSON_PATH = Pattern.compile("(?:/home/learner/|~/)?courses/([a-z0-9][a-z0-9-]{1,63})/(.+\\.ipynb)");

    public record LessonProgress(String file, String title, int right, int checks) {
        public boolean done() {
            return checks > 0 && right == checks;
        }

        /** The class page's cell, said once here: its 660 cells for 30 students are most of that page's time. */
        public String shown() {
            return checks == 0 ? "–" : right + "/" + checks;
        }

        public String tip() {
            return title + ": " + right + "/" + checks;
        }

        public String cellClass() {
            return done() ? "number done" : right > 0 ? "number begun" : "number";
        }
    }

    public record LearnerProgress(String name, List<LessonProgress> lessons, Instant lastCheck) {
        public int right() {
            return lessons.stream().mapToInt(LessonProgress::right).sum();
        }

        public int checks() {
            return lessons.stream().mapToInt(LessonProgress::checks).sum();
        }
    }

    /** A course's lessons and each learner's progress through them, in the order the learners were given. */
    public record CourseTable(String courseId, String title, List<CourseManifest.Lesson> lessons, List<LearnerProgress> learners) {}

    private final CourseService courses;
    private final LessonChecks checks;
    private final CourseAudience audience;
    private final CheckResultRepository results;
    private final Clock clock;

    CourseProgress(CourseService courses, LessonChecks checks, CourseAudience audience, CheckResultRepository results,
            Clock clock) {
        this.courses = courses;
        this.checks = checks;
        this.audience = audience;
        this.results = results;
        this.clock = clock;
    }

    /** Keeps a learner's latest answer to a check of the lesson running in {@code notebook}. */
    public synchronized void record(String learner, String notebook, String check, boolean passed) {
        Matcher lesson = LESSON_PATH.matcher(notebook == null ? "" : notebook.strip());
        if (!lesson.matches()) {
            throw new CourseException("course.refused.not-a-lesson", shorten(notebook));
        }
        String courseId = lesson.group(1);
        String file = lesson.group(2);
        CourseRepositories.Published course = courses.find(courseId)
                .filter(c -> audience.receives(learner, courseId))
                .orElseThrow(() -> new CourseException("course.refused.not-given", courseId));
        List<String> names = checks.of(course).get(file);
        if (names == null) throw new CourseException("course.refused.not-lesson-of", file, course.manifest().title());
        if (check == null || !names.contains(check)) {
            throw new CourseException("course.refused.no-check", file, shorten(check));
        }
        CheckResult result = results.findByAccountNameAndCourseIdAndLessonFileAndCheckName(learner, courseId, file, check)
                .orElseGet(() -> new CheckResult(learner, courseId, file, check));
        result.answered(passed, clock.instant());
        results.save(result);
    }

    /** The course's lessons and the progress of each of {@code learners}; empty when the course is not on the box. */
    public Optional<CourseTable> of(String courseId, Collection<String> learners) {
        return courses.find(courseId).map(course -> {
            Map<String, List<String>> lessonChecks = checks.of(course);
            Map<String, Map<String, List<CheckResult>>> byLearner = new HashMap<>();
            for (CheckResult result : results.findByCourseIdAndAccountNameIn(courseId, learners)) {
                byLearner.computeIfAbsent(result.getAccountName(), n -> new HashMap<>())
                        .computeIfAbsent(result.getLessonFile(), f -> new ArrayList<>()).add(result);
            }
            List<LearnerProgress> rows = new ArrayList<>();
            for (String learner : learners) {
                Map<String, List<CheckResult>> theirs = byLearner.getOrDefault(learner, Map.of());
                List<LessonProgress> lessons = new ArrayList<>();
                for (CourseManifest.Lesson lesson : course.manifest().lessons()) {
                    List<String> names = lessonChecks.getOrDefault(lesson.file(), List.of());
                    int right = (int) theirs.getOrDefault(lesson.file(), List.of()).stream()
                            .filter(r -> r.isPassed() && names.contains(r.getCheckName())).count();
                    lessons.add(new LessonProgress(lesson.file(), lesson.title(), right, names.size()));
                }
                Instant last = theirs.values().stream().flatMap(List::stream).map(CheckResult::getCheckedAt)
                        .max(Instant::compareTo).orElse(null);
                rows.add(new LearnerProgress(learner, lessons, last));
            }
            return new CourseTable(courseId, course.manifest().title(), course.manifest().lessons(), rows);
        });
    }

    @EventListener
    void onAccountRemoved(AccountRemoved removed) {
        results.deleteByAccountName(removed.name());
    }

    private static String shorten(String text) {
        if (text == null) return "";
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
