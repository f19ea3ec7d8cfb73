package org.learnbox.bridge.assignment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.sandbox.HomeFile;
import org.learnbox.bridge.sandbox.HomeListing;
import org.learnbox.bridge.sandbox.Sandbox;
import org.learnbox.bridge.sandbox.SandboxAnswering;
import org.learnbox.bridge.sandbox.SandboxException;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Assignments handed to classes, and their notebooks brought into each student's
 * {@code ~/assignments/ID/}: at release for every running sandbox, and whenever a sandbox starts.
 * Only missing files are written, so nothing a student wrote is ever replaced.
 */
@Service
public class AssignmentReleases {
    static final String FOLDER = "assignments";
    private static final Duration LET_THE_LAB_LOAD_FIRST = Duration.ofSeconds(2);
    private static final int MOST_NOTEBOOKS_LOOKED_AT = 20_000;
    private static final Logger log = LoggerFactory.getLogger(AssignmentReleases.class);

    /** A release as one student sees it. */
    public record StudentRelease(AssignmentRelease release, Assignment assignment, Classroom classroom) {
        /** Whether the student sees their score, the tests' outcomes and the feedback now. */
        public boolean scoreShown(Instant now) {
            return AssignmentReleases.scoreShown(assignment, release, now);
        }
    }

    /** An assignment's scores show at once, unless it says after the due date (a release of it always has one). */
    static boolean scoreShown(Assignment assignment, AssignmentRelease release, Instant now) {
        return !assignment.isScoreAfterDue() || release.getDueAt() != null && !now.isBefore(release.getDueAt());
    }

    private final AssignmentReleaseRepository releases;
    private final AssignmentLibrary library;
    private final ClassroomService classrooms;
    private final SandboxRuntime sandboxes;

    AssignmentReleases(AssignmentReleaseRepository releases, AssignmentLibrary library, ClassroomService classrooms, SandboxRuntime sandboxes) {
        this.releases = releases;
        this.library = library;
        this.classrooms = classrooms;
        this.sandboxes = sandboxes;
    }

    /**
     * Hands the assignment to a class the actor teaches, due when given (else when assignment.yaml
     * says); releasing again moves the due date. The notebooks reach running sandboxes now, the others when they start.
     */
    public AssignmentRelease release(String assignmentId, long classId, Instant due, String actor) {
        Classroom classroom = classrooms.manage(classId, actor);
        Assignment assignment = library.require(assignmentId);
        library.requireUsableBy(assignment, actor);
        Instant dueAt = due != null ? due : library.source(assignment).manifest().due();
        if (dueAt == null && assignment.isScoreAfterDue()) throw new AssignmentException(AssignmentProblem.of("score-after-due-no-due", assignmentId));
        AssignmentRelease release = releases.findByAssignmentIdAndClassroomId(assignmentId, classroom.getId())
                .orElseGet(() -> new AssignmentRelease(assignmentId, classroom.getId(), dueAt));
        release.moveDue(dueAt);
        AssignmentRelease saved = releases.save(release);
        Set<String> running = sandboxes.runningUsers();
        for (String student : classrooms.students(classroom)) {
            if (running.contains(student)) Thread.ofVirtual().name("assignment-to-" + student).start(() -> deliver(student, saved));
        }
        return saved;
    }

    /** The assignments handed to the classes a student is in, oldest first. */
    public List<StudentRelease> releasesFor(String student) {
        Map<Long, Classroom> theirs = classrooms.joinedBy(student).stream()
                .collect(Collectors.toMap(Classroom::getId, c -> c, (a, b) -> a, LinkedHashMap::new));
        if (theirs.isEmpty()) return List.of();
        return releases.findByClassroomIdInOrderByReleasedAt(theirs.keySet()).stream()
                .map(r -> new StudentRelease(r, library.require(r.getAssignmentId()), theirs.get(r.getClassroomId())))
                .toList();
    }

    /** The release of an assignment to a class of the student's; refused when none of their classes has it. */
    public StudentRelease releaseFor(String student, String assignmentId) {
        return releasesFor(student).stream().filter(r -> r.assignment().getId().equals(assignmentId)).findFirst()
                .orElseThrow(() -> new AssignmentException(HttpStatus.NOT_FOUND, AssignmentProblem.of("not-released-to-you", assignmentId)));
    }

    /** The releases of a class, for its teacher. */
    public List<AssignmentRelease> releasesOf(long classId, String actor) {
        Classroom classroom = classrooms.manage(classId, actor);
        return releases.findByClassroomIdInOrderByReleasedAt(List.of(classroom.getId()));
    }

    public Optional<AssignmentRelease> find(long releaseId) {
        return releases.findById(releaseId);
    }

    /** Every assignment of the student's into their running sandbox; what was written, by assignment. */
    public Map<String, List<String>> deliver(String student) {
        Map<String, List<String>> written = new LinkedHashMap<>();
        for (StudentRelease release : releasesFor(student)) {
            written.put(release.assignment().getId(), deliver(student, release.release()));
        }
        return written;
    }

    /** The release's notebooks that are not in the student's folder yet; the paths written. */
    List<String> deliver(String student, AssignmentRelease release) {
        String folder = FOLDER + "/" + release.getAssignmentId();
        try {
            HomeListing notebooks = sandboxes.findInHome(student, ".ipynb", MOST_NOTEBOOKS_LOOKED_AT);
            // Not knowing every notebook there could mean writing over one: nothing is written then.
            if (notebooks.cut()) throw new AssignmentException(AssignmentProblem.of("home-too-full", student));
            Set<String> there = notebooks.files().stream()
                    .map(HomeFile::path).filter(p -> p.startsWith(folder + "/")).collect(Collectors.toSet());
            Map<String, byte[]> missing = new LinkedHashMap<>();
            library.source(library.require(release.getAssignmentId())).release().forEach((name, content) -> {
                if (!there.contains(folder + "/" + name)) missing.put(name, content);
            });
            writeInto(sandboxes, student, folder, missing);
            List<String> written = missing.keySet().stream().map(name -> folder + "/" + name).toList();
            if (!written.isEmpty()) log.info("assignment {} to {}: {}", release.getAssignmentId(), student, written);
            return written;
        } catch (SandboxException | AssignmentException e) {
            log.warn("assignment {} not delivered to {}: {}", release.getAssignmentId(), student, e.getMessage());
            return List.of();
        }
    }

    /** Writes files (by paths under {@code folder}) into the student's running sandbox, their own, folders made as needed. */
    static void writeInto(SandboxRuntime sandboxes, String student, String folder, Map<String, byte[]> files) {
        Map<String, Map<String, String>> byFolder = new LinkedHashMap<>();
        files.forEach((name, content) -> {
            String path = folder + "/" + name;
            String parent = path.substring(0, path.lastIndexOf('/'));
            byFolder.computeIfAbsent(parent, p -> new LinkedHashMap<>())
                    .put(path.substring(parent.length() + 1), new String(content, StandardCharsets.UTF_8));
        });
        byFolder.forEach((parent, named) -> sandboxes.copyInto(student, parent, named));
    }

    @EventListener
    void onSandboxAnswering(SandboxAnswering answering) {
        Thread.ofVirtual().name("assignments-for-" + answering.user()).start(() -> {
            try {
                Thread.sleep(LET_THE_LAB_LOAD_FIRST);
            } catch (InterruptedException e) {
                return;
            }
            if (sandboxes.find(answering.user()).filter(Sandbox::running).isPresent()) deliver(answering.user());
        });
    }
}
