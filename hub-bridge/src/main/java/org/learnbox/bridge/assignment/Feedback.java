package org.learnbox.bridge.assignment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.sandbox.Sandbox;
import org.learnbox.bridge.sandbox.SandboxAnswering;
import org.learnbox.bridge.sandbox.SandboxException;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The graded notebooks of a student's latest graded submission, in {@code ~/assignments/ID/feedback/}:
 * as soon as it is graded when the sandbox runs, else when it next starts. The folder is the box's:
 * its files are written over with each new grading.
 */
@Service
class Feedback {
    static final String FOLDER = "feedback";
    private static final Logger log = LoggerFactory.getLogger(Feedback.class);

    private final SubmissionRepository submissions;
    private final AssignmentReleases releases;
    private final SandboxRuntime sandboxes;
    private final AssignmentLibrary library;
    private final FeedbackHtml html;
    private final AccountService accounts;

    Feedback(SubmissionRepository submissions, AssignmentReleases releases, SandboxRuntime sandboxes, AssignmentLibrary library,
            FeedbackHtml html, AccountService accounts) {
        this.submissions = submissions;
        this.releases = releases;
        this.sandboxes = sandboxes;
        this.library = library;
        this.html = html;
        this.accounts = accounts;
    }

    /** Apart from the grader, which goes on to the next submission while this one's feedback is written. */
    @EventListener
    void onGraded(GradingQueue.Graded graded) {
        Thread.ofVirtual().name("feedback-of-" + graded.submissionId())
                .start(() -> submissions.findById(graded.submissionId()).ifPresent(this::deliver));
    }

    @EventListener
    void onSandboxAnswering(SandboxAnswering answering) {
        Thread.ofVirtual().name("feedback-for-" + answering.user()).start(() -> {
            for (AssignmentReleases.StudentRelease release : releases.releasesFor(answering.user())) {
                submissions.findByReleaseIdAndAccountNameOrderBySubmittedAtDesc(release.release().getId(), answering.user()).stream()
                        .filter(s -> s.getState() == SubmissionState.GRADED).findFirst().ifPresent(this::deliver);
            }
        });
    }

    /** Each graded notebook, and beside it the same as a page (name.html) with the points of its cells, in the student's language. */
    Map<String, byte[]> files(Submission submission, String assignmentId) {
        String title = library.require(assignmentId).getTitle();
        Locale language = accounts.languageOf(submission.getAccountName());
        List<SubmissionCell> cells = GradingQueue.cellsOf(submission);
        Map<String, byte[]> files = new LinkedHashMap<>();
        FileBundle.unpack(submission.getFeedback()).forEach((name, notebook) -> {
            files.put(name, notebook);
            files.put(name.replaceFirst("\\.ipynb$", "") + ".html", html.render(title, name, submission, cells, notebook, language));
        });
        return files;
    }

    void deliver(Submission submission) {
        String student = submission.getAccountName();
        if (submission.getState() != SubmissionState.GRADED || submission.getFeedback() == null) return;
        if (sandboxes.find(student).filter(Sandbox::running).isEmpty()) return;
        AssignmentRelease release = releases.find(submission.getReleaseId()).orElseThrow();
        String assignmentId = release.getAssignmentId();
        if (!AssignmentReleases.scoreShown(library.require(assignmentId), release, Instant.now())) return; // it comes when due
        String folder = AssignmentReleases.FOLDER + "/" + assignmentId + "/" + FOLDER;
        try {
            AssignmentReleases.writeInto(sandboxes, student, folder, files(submission, assignmentId));
        } catch (SandboxException e) {
            log.warn("feedback of submission {} not delivered to {}: {}", submission.getId(), student, e.getMessage());
        }
    }
}
