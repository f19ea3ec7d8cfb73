package org.learnbox.bridge.assignment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grades submissions as they arrive, as many at once as the box has CPUs (each grading container
 * gets one), the rest waiting in order. A submission is saved before it is queued and the queue
 * is filled again from the database at start, so a restart loses none.
 */
@Service
public class GradingQueue {
    private static final Logger log = LoggerFactory.getLogger(GradingQueue.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** How many submissions are graded at once: one a CPU (each grading container gets one). */
    static final int AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final TypeReference<List<SubmissionCell>> CELLS = new TypeReference<>() {};

    private final SubmissionRepository submissions;
    private final AssignmentReleaseRepository releases;
    private final AssignmentLibrary library;
    private final Grader grader;
    private final ApplicationEventPublisher events;
    private final ExecutorService graders;
    private final MeterRegistry meters;

    GradingQueue(SubmissionRepository submissions, AssignmentReleaseRepository releases, AssignmentLibrary library, Grader grader,
            ApplicationEventPublisher events, MeterRegistry meters) {
        this.meters = meters;
        this.submissions = submissions;
        this.releases = releases;
        this.library = library;
        this.grader = grader;
        this.events = events;
        this.graders = Executors.newFixedThreadPool(AT_ONCE,
                Thread.ofPlatform().name("grader-", 1).daemon().factory());
    }

    /** Published when a submission has its points (or its refusal), for its feedback to reach the student. */
    public record Graded(long submissionId, String student) {}

    void enqueue(long submissionId) {
        graders.submit(() -> {
            long began = System.nanoTime();
            String outcome = "graded";
            try {
                grade(submissionId);
            } catch (RuntimeException e) {
                outcome = "failed";
                log.error("grading submission {} failed", submissionId, e);
            } finally {
                Timer.builder("learnbox.grading.duration").description("Time a submission took to grade")
                        .tag("outcome", outcome).register(meters).record(System.nanoTime() - began, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void requeueWhatWasWaiting() {
        for (Submission waiting : submissions.findByState(SubmissionState.QUEUED)) enqueue(waiting.getId());
    }

    /** Grades every notebook of one submission and keeps the points, the cells' outcomes and the graded notebooks. */
    void grade(long submissionId) {
        Submission submission = submissions.findById(submissionId).orElse(null);
        if (submission == null) return;
        AssignmentRelease release = releases.findById(submission.getReleaseId()).orElseThrow();
        Assignment assignment = library.require(release.getAssignmentId());
        AssignmentSource source = library.source(assignment);
        Map<String, byte[]> files = FileBundle.unpack(submission.getFiles());
        List<SubmissionCell> cells = new ArrayList<>();
        Map<String, byte[]> feedback = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (var notebook : source.grading().entrySet()) {
            String name = notebook.getKey();
            byte[] submitted = files.get(name);
            if (submitted == null) {
                for (GradedCell cell : notebook.getValue().gradedCells()) {
                    cells.add(new SubmissionCell(name, cell.gradeId(), cell.kind(), cell.points(), 0.0, CellStatus.MISSING, "", null));
                }
                continue;
            }
            try {
                GradedNotebook graded = grader.grade(notebook.getValue(), submitted);
                graded.cells().forEach(cell -> cells.add(SubmissionCell.of(name, cell)));
                feedback.put(name, graded.gradedNotebook());
            } catch (AssignmentException refused) {
                problems.add(refused.getMessage());
                for (GradedCell cell : notebook.getValue().gradedCells()) {
                    cells.add(new SubmissionCell(name, cell.gradeId(), cell.kind(), cell.points(), 0.0, CellStatus.NOT_RUN, "", null));
                }
            }
        }
        List<SubmissionCell> kept = keepTeachersWork(cellsOf(submission), cells);
        double score = score(kept, release, submission, source);
        submission.graded(score, source.totalPoints(), JSON.writeValueAsString(kept), FileBundle.pack(feedback),
                problems.isEmpty() ? null : cut(String.join(" ", problems)));
        submissions.save(submission);
        log.info("graded submission {} of {} for {}: {} of {}", submissionId, assignment.getId(), submission.getAccountName(), score,
                source.totalPoints());
        events.publishEvent(new Graded(submissionId, submission.getAccountName()));
    }

    /** A regrading keeps the points and comments a teacher gave by hand to the cells that are still there. */
    private static List<SubmissionCell> keepTeachersWork(List<SubmissionCell> before, List<SubmissionCell> now) {
        return now.stream().map(cell -> cell.manual()
                ? before.stream().filter(cell::sameCell).findFirst().map(b -> cell.withTeachers(b.points(), b.comment())).orElse(cell)
                : cell).toList();
    }

    /** The points given, manual ones included, less what the late policy takes. */
    static double score(List<SubmissionCell> cells, AssignmentRelease release, Submission submission, AssignmentSource source) {
        double earned = cells.stream().map(SubmissionCell::points).filter(p -> p != null).mapToDouble(Double::doubleValue).sum();
        return release.getDueAt() == null ? earned : source.manifest().late().pointsKept(earned, release.getDueAt(), submission.getSubmittedAt());
    }

    /** Grades a release's latest submissions again, as after a teacher fixed a test; answers how many were queued. */
    int regrade(List<Submission> latest) {
        for (Submission submission : latest) {
            submission.requeue();
            submissions.save(submission);
            enqueue(submission.getId());
        }
        return latest.size();
    }

    static List<SubmissionCell> cellsOf(Submission submission) {
        return submission.getCells() == null ? List.of() : JSON.readValue(submission.getCells(), CELLS);
    }

    private static String cut(String text) {
        return text.length() > 2000 ? text.substring(0, 1996) + "..." : text;
    }
}
