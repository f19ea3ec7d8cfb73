package org.learnbox.bridge.assignment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.springframework.stereotype.Service;

/**
 * A student's submissions: the notebooks of {@code ~/assignments/ID/} taken as they are now
 * (whether or not the sandbox runs), kept with their time, and queued for grading. Resubmitting
 * is allowed until the due date, and after it as the late policy says.
 */
@Service
public class Submissions {
    static final int MOST_FILES = 200;
    static final long MOST_BYTES = 64L * 1024 * 1024;

    private final AssignmentReleases releases;
    private final AssignmentLibrary library;
    private final SubmissionRepository submissions;
    private final SandboxRuntime sandboxes;
    private final GradingQueue queue;
    private final Grader grader;

    Submissions(AssignmentReleases releases, AssignmentLibrary library, SubmissionRepository submissions, SandboxRuntime sandboxes,
            GradingQueue queue, Grader grader) {
        this.releases = releases;
        this.library = library;
        this.submissions = submissions;
        this.sandboxes = sandboxes;
        this.queue = queue;
        this.grader = grader;
    }

    /** What validating gave: each test cell as it ran with the visible tests only, and each notebook that could not run. */
    public record Validation(List<SubmissionCell> cells, List<String> problems) {}

    /**
     * nbgrader's Validate: the student's notebooks as they are now, run in a grading container with the
     * tests they can see (the hidden ones stay out, as the release has them); nothing is kept.
     */
    public Validation validate(String student, String assignmentId) {
        AssignmentSource source = library.source(releases.releaseFor(student, assignmentId).assignment());
        Map<String, byte[]> theirs = notebooksOf(student, assignmentId, source);
        List<SubmissionCell> cells = new java.util.ArrayList<>();
        List<String> problems = new java.util.ArrayList<>();
        Map<String, NotebookGrading> grading = source.grading();
        source.release().forEach((name, released) -> {
            if (!grading.containsKey(name) || !theirs.containsKey(name)) return;
            try {
                NotebookGrading visible = NotebookGrading.of(SourceNotebook.read(name, released)).withFiles(grading.get(name).files());
                grader.grade(visible, theirs.get(name)).cells().stream().filter(c -> c.kind() == CellKind.AUTOGRADER_TESTS)
                        .forEach(c -> cells.add(SubmissionCell.of(name, c)));
            } catch (AssignmentException refused) {
                problems.add(refused.getMessage());
            }
        });
        return new Validation(cells, problems);
    }

    public Submission submit(String student, String assignmentId) {
        AssignmentReleases.StudentRelease release = releases.releaseFor(student, assignmentId);
        AssignmentSource source = library.source(release.assignment());
        Instant now = Instant.now();
        Instant due = release.release().getDueAt();
        boolean late = due != null && now.isAfter(due);
        if (late && !source.manifest().late().accepts(due, now)) {
            throw new AssignmentException(AssignmentProblem.of("past-due", assignmentId, due.toString()));
        }
        Map<String, byte[]> notebooks = notebooksOf(student, assignmentId, source);
        Submission submission = submissions.save(new Submission(release.release().getId(), student, now,
                FileBundle.pack(notebooks), late ? (int) LatePolicy.daysLate(due, now) : 0));
        queue.enqueue(submission.getId());
        return submission;
    }

    /** The assignment's notebooks in the student's folder, by their paths in it; refused when there is none. */
    private Map<String, byte[]> notebooksOf(String student, String assignmentId, AssignmentSource source) {
        String folder = AssignmentReleases.FOLDER + "/" + assignmentId;
        Map<String, byte[]> files;
        try (InputStream tar = sandboxes.copyFolder(student, folder)) {
            files = FileBundle.read(tar, assignmentId + "/", MOST_FILES, MOST_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> notebooks = new LinkedHashMap<>();
        for (String name : source.grading().keySet()) {
            if (files.containsKey(name)) notebooks.put(name, files.get(name));
        }
        if (notebooks.isEmpty()) throw new AssignmentException(AssignmentProblem.of("nothing-to-submit", "~/" + folder));
        return notebooks;
    }

    /** A student's submissions of an assignment, newest first. */
    public List<Submission> of(String student, String assignmentId) {
        AssignmentReleases.StudentRelease release = releases.releaseFor(student, assignmentId);
        return submissions.findByReleaseIdAndAccountNameOrderBySubmittedAtDesc(release.release().getId(), student);
    }

    public Optional<Submission> latest(String student, String assignmentId) {
        return of(student, assignmentId).stream().findFirst();
    }
}
