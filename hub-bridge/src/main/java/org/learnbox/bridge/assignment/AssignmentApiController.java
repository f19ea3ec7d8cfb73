package org.learnbox.bridge.assignment;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A student's assignments, from their sandbox ({@code learnbox submit ID}, their JupyterHub token) or their session. */
@RestController
@RequestMapping("/api/assignments")
class AssignmentApiController {
    /** A submission as its student sees it: until {@code scoreFrom} (the due date of an assignment that says so), no score. */
    record Latest(String state, Instant submittedAt, Double score, Double maxScore, int lateDays, String problem, Instant scoreFrom) {
        static Latest of(Submission s, AssignmentReleases.StudentRelease given, Instant now) {
            if (s == null) return null;
            boolean shown = given.scoreShown(now);
            return new Latest(s.getState().name().toLowerCase(java.util.Locale.ROOT), s.getSubmittedAt(), shown ? s.getScore() : null,
                    shown ? s.getMaxScore() : null, s.getLateDays(), shown ? s.getProblem() : null,
                    shown ? null : given.release().getDueAt());
        }
    }

    record Released(String id, String title, String classroom, Instant due, double points, String folder, Latest latest) {}

    record Submitted(String assignment, Instant submittedAt, int lateDays, String state, List<String> notebooks) {}

    record Graded(Latest submission, List<SubmissionCell> cells) {}

    private final AssignmentReleases releases;
    private static final int MOST_WAIT_SECONDS = 30;

    private final Submissions submissions;
    private final GradedSignal graded;

    AssignmentApiController(AssignmentReleases releases, Submissions submissions, GradedSignal graded) {
        this.releases = releases;
        this.submissions = submissions;
        this.graded = graded;
    }

    @GetMapping
    List<Released> mine(Principal principal) {
        String student = principal.getName();
        return releases.releasesFor(student).stream().map(r -> new Released(r.assignment().getId(), r.assignment().getTitle(),
                r.classroom().getName(), r.release().getDueAt(), r.assignment().getPoints(),
                "~/" + AssignmentReleases.FOLDER + "/" + r.assignment().getId(),
                Latest.of(submissions.latest(student, r.assignment().getId()).orElse(null), r, Instant.now()))).toList();
    }

    @PostMapping("/{id}/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    Submitted submit(@PathVariable String id, Principal principal) {
        Submission s = submissions.submit(principal.getName(), id);
        return new Submitted(id, s.getSubmittedAt(), s.getLateDays(), s.getState().name().toLowerCase(java.util.Locale.ROOT),
                List.copyOf(FileBundle.unpack(s.getFiles()).keySet()));
    }

    @PostMapping("/{id}/validation")
    Submissions.Validation validate(@PathVariable String id, Principal principal) {
        return submissions.validate(principal.getName(), id);
    }

    /** The latest submission; with {@code wait} (seconds, at most 30), once it is graded or that time is up. */
    @GetMapping("/{id}/submissions/latest")
    Graded latest(@PathVariable String id, @RequestParam(defaultValue = "0") int wait, Principal principal) {
        Duration within = Duration.ofSeconds(Math.clamp(wait, 0, MOST_WAIT_SECONDS));
        Submission s = graded.await(principal.getName(), () -> submissions.latest(principal.getName(), id)
                .orElseThrow(() -> new AssignmentException(HttpStatus.NOT_FOUND, AssignmentProblem.of("no-submission", id))), within);
        AssignmentReleases.StudentRelease given = releases.releaseFor(principal.getName(), id);
        Instant now = Instant.now();
        return new Graded(Latest.of(s, given, now), given.scoreShown(now) ? GradingQueue.cellsOf(s) : List.of());
    }
}
