package org.learnbox.bridge.assignment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assignments for the box script ({@code ./box assignment ...}), behind the shared secret; it acts
 * as the box's administrator, so an imported assignment is the admin's and any class may get it.
 */
@RestController
@RequestMapping("/admin-api/assignments")
class AssignmentAdminApiController {
    record ImportRequest(String git) {}

    record Imported(String id, String title, List<String> notebooks, double points) {}

    /** The class by its join code, and the due date as ISO-8601 with an offset (none: the assignment's own). */
    record ReleaseRequest(@JsonProperty("class") String classCode, String due) {}

    record Released(String assignment, String classroom, String joinCode, Instant due) {}

    private final AssignmentLibrary library;
    private final AssignmentReleases releases;
    private final Gradebook gradebook;
    private final ClassroomService classrooms;

    AssignmentAdminApiController(AssignmentLibrary library, AssignmentReleases releases, Gradebook gradebook, ClassroomService classrooms) {
        this.library = library;
        this.releases = releases;
        this.gradebook = gradebook;
        this.classrooms = classrooms;
    }

    @PostMapping
    Imported importFromGit(@RequestBody ImportRequest request) {
        Assignment assignment = library.importFromGit(library.boxAdmin(), request.git());
        return new Imported(assignment.getId(), assignment.getTitle(),
                List.copyOf(library.source(assignment).grading().keySet()), assignment.getPoints());
    }

    @PostMapping("/{id}/releases")
    Released release(@PathVariable String id, @RequestBody ReleaseRequest request) {
        Classroom classroom = classrooms.requireByCode(request.classCode());
        AssignmentRelease release = releases.release(id, classroom.getId(), AssignmentPagesController.due(request.due()), library.boxAdmin());
        return new Released(id, classroom.getName(), classroom.getJoinCode(), release.getDueAt());
    }

    @GetMapping(value = "/{id}/grades", produces = "text/csv")
    String gradesCsv(@PathVariable String id) {
        return gradebook.csv(id, library.boxAdmin());
    }

    @GetMapping(value = "/{id}/grades", produces = MediaType.TEXT_PLAIN_VALUE)
    String grades(@PathVariable String id) {
        return String.format("%-20s %-16s %-8s %-10s %s%n", "CLASS", "STUDENT", "STATE", "SCORE", "SUBMITTED")
                + gradebook.rows(id, library.boxAdmin()).stream().map(row -> String.format("%-20s %-16s %-8s %-10s %s",
                        row.classroom(), row.student(),
                        row.latest() == null ? "-" : row.latest().getState().name().toLowerCase(java.util.Locale.ROOT),
                        row.latest() == null || row.latest().getScore() == null ? "-"
                                : Gradebook.number(row.latest().getScore()) + "/" + Gradebook.number(row.latest().getMaxScore()),
                        row.latest() == null ? "-" : row.latest().getSubmittedAt()))
                .collect(Collectors.joining("\n"));
    }
}
