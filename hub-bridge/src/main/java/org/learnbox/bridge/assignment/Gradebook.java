package org.learnbox.bridge.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What a class's teacher sees of an assignment: each student with their latest submission and its
 * points, and the same as nbgrader's grades.csv. Only the class's teachers (and admins) read it.
 */
@Service
public class Gradebook {
    static final int MAX_COMMENT = 4000;
    static final String CSV_HEADER =
            "assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,late_submission_penalty,score,max_score";

    /** A student of the class and their latest submission (null: none yet), with how many they made. */
    public record Row(String classroom, String student, Submission latest, int submissions) {}

    private final AssignmentLibrary library;
    private final AssignmentReleaseRepository releases;
    private final SubmissionRepository submissions;
    private final ClassroomService classrooms;
    private final GradingQueue queue;

    Gradebook(AssignmentLibrary library, AssignmentReleaseRepository releases, SubmissionRepository submissions,
            ClassroomService classrooms, GradingQueue queue) {
        this.library = library;
        this.releases = releases;
        this.submissions = submissions;
        this.classrooms = classrooms;
        this.queue = queue;
    }

    /** A submission, for a teacher of its class; refused as not found for anyone else. */
    public Submission submission(long submissionId, String actor) {
        Submission submission = submissions.findById(submissionId)
                .orElseThrow(() -> new AssignmentException(HttpStatus.NOT_FOUND, AssignmentProblem.of("no-such-submission", submissionId)));
        classrooms.manage(release(submission).getClassroomId(), actor);
        return submission;
    }

    public AssignmentRelease release(Submission submission) {
        return releases.findById(submission.getReleaseId()).orElseThrow();
    }

    /** A teacher's points (0 to the cell's most) and comment for a cell graded by hand; the score follows. */
    public Submission giveManualPoints(long submissionId, String notebook, String gradeId, Double points, String comment, String actor) {
        Submission submission = submission(submissionId, actor);
        List<SubmissionCell> cells = new ArrayList<>(GradingQueue.cellsOf(submission));
        int at = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).notebook().equals(notebook) && cells.get(i).gradeId().equals(gradeId)) at = i;
        }
        if (at < 0 || !cells.get(at).manual()) throw new AssignmentException(AssignmentProblem.of("not-manual", notebook, gradeId));
        SubmissionCell cell = cells.get(at);
        if (points != null && !(points >= 0 && points <= cell.maxPoints())) {
            throw new AssignmentException(AssignmentProblem.of("manual-points-invalid", AssignmentSource.points(points), gradeId, AssignmentSource.points(cell.maxPoints())));
        }
        String said = comment == null || comment.isBlank() ? null : comment.strip();
        if (said != null && said.length() > MAX_COMMENT) throw new AssignmentException(AssignmentProblem.of("comment-too-long", MAX_COMMENT));
        cells.set(at, cell.withTeachers(points, said));
        AssignmentRelease release = release(submission);
        double score = GradingQueue.score(cells, release, submission, library.source(library.require(release.getAssignmentId())));
        submission.regraded(score, GradingQueue.JSON.writeValueAsString(cells));
        return submissions.save(submission);
    }

    /** Every student's latest submission of the release graded again (the teacher fixed a test); how many. */
    public int regrade(AssignmentRelease release, String actor) {
        classrooms.manage(release.getClassroomId(), actor);
        List<Submission> latest = new ArrayList<>();
        for (Submission s : submissions.findByReleaseIdOrderByAccountNameAscSubmittedAtDesc(release.getId())) {
            if (latest.stream().noneMatch(l -> l.getAccountName().equals(s.getAccountName()))) latest.add(s);
        }
        return queue.regrade(latest);
    }

    /** Every student of one release's class. */
    public List<Row> rows(AssignmentRelease release, String actor) {
        Classroom classroom = classrooms.manage(release.getClassroomId(), actor);
        List<Submission> all = submissions.findByReleaseIdOrderByAccountNameAscSubmittedAtDesc(release.getId());
        List<Row> rows = new ArrayList<>();
        for (String student : classrooms.students(classroom)) {
            List<Submission> theirs = all.stream().filter(s -> s.getAccountName().equals(student)).toList();
            rows.add(new Row(classroom.getName(), student, theirs.isEmpty() ? null : theirs.getFirst(), theirs.size()));
        }
        return rows;
    }

    /** Every student of every class the assignment was released to that the actor teaches. */
    public List<Row> rows(String assignmentId, String actor) {
        library.require(assignmentId);
        List<Row> rows = new ArrayList<>();
        for (AssignmentRelease release : releases.findByAssignmentIdOrderById(assignmentId)) {
            if (classrooms.taughtBy(actor).stream().anyMatch(c -> c.getId().equals(release.getClassroomId())) || library.isAdmin(actor)) {
                rows.addAll(rows(release, actor));
            }
        }
        return rows;
    }

    /** nbgrader's grades.csv: one line per student and release, empty scores for no submission. */
    public String csv(String assignmentId, String actor) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (AssignmentRelease release : releases.findByAssignmentIdOrderById(assignmentId)) {
            if (!library.isAdmin(actor) && classrooms.taughtBy(actor).stream().noneMatch(c -> c.getId().equals(release.getClassroomId()))) {
                continue;
            }
            lines(csv, release, actor);
        }
        return csv.toString();
    }

    /** The same for one class's release. */
    public String csv(AssignmentRelease release, String actor) {
        return lines(new StringBuilder(CSV_HEADER).append('\n'), release, actor).toString();
    }

    private StringBuilder lines(StringBuilder csv, AssignmentRelease release, String actor) {
        Assignment assignment = library.require(release.getAssignmentId());
        for (Row row : rows(release, actor)) {
            Submission s = row.latest();
            boolean graded = s != null && s.getState() == SubmissionState.GRADED;
            csv.append(String.join(",", assignment.getId(), time(release.getDueAt()), s == null ? "" : time(s.getSubmittedAt()),
                    row.student(), "", "", "", graded ? number(rawScore(s)) : "", graded ? number(rawScore(s) - s.getScore()) : "",
                    graded ? number(s.getScore()) : "", number(assignment.getPoints()))).append('\n');
        }
        return csv;
    }

    /** The points before the late policy took any: the cells' own. */
    static double rawScore(Submission submission) {
        return GradingQueue.cellsOf(submission).stream().map(SubmissionCell::points).filter(p -> p != null).mapToDouble(Double::doubleValue).sum();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
